package dev.cairn.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the application without a web server when {@code cairn.mode} is set, so that an operator running
 * {@code java -jar app.jar --cairn.mode=migrate} need not say so, and a port the application uses does not stop a
 * migration running beside it. Runs after the configuration files are read, so that {@code cairn.mode} may also come
 * from a profile.
 */
class RunModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "cairnRunMode";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("cairn.mode"))) {
            // First, over the application's own spring.main.web-application-type: a run mode never serves.
            environment.getPropertySources()
                .addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of("spring.main.web-application-type", "none")));
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

}
