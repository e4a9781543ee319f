package dev.cairn.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RunModeEnvironmentPostProcessor}.
 */
class RunModeEnvironmentPostProcessorTests {

    private final RunModeEnvironmentPostProcessor processor = new RunModeEnvironmentPostProcessor();

    @Test
    void aRunModeStartsTheApplicationWithoutAWebServerWhateverItsConfigurationSays() {
        MockEnvironment environment = new MockEnvironment().withProperty("cairn.mode", "migrate")
            .withProperty("spring.main.web-application-type", "servlet");
        this.processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
    }

    @Test
    void withoutARunModeTheWebApplicationTypeIsLeftAlone() {
        MockEnvironment environment = new MockEnvironment().withProperty("cairn.mode", " ");
        this.processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
        assertThat(environment.getPropertySources().contains(RunModeEnvironmentPostProcessor.PROPERTY_SOURCE))
            .isFalse();
    }

}
