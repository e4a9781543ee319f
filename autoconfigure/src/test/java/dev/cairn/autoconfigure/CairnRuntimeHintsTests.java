package dev.cairn.autoconfigure;

import dev.cairn.MigrationContext;
import dev.cairn.testsupport.TestMigrations.Reversible;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hints a native image gets: the scripts of the default location and of {@code cairn.locations}, and the
 * methods of the migration beans that reversibility is read from.
 */
class CairnRuntimeHintsTests {

    @Test
    void registersTheScriptsOfTheDefaultLocation() {
        RuntimeHints hints = new RuntimeHints();
        new CairnRuntimeHints().registerHints(hints, getClass().getClassLoader());
        assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/V1__create_users.sql")).accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/sub/R__views.sql")).accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("db/other/V1__x.sql")).rejects(hints);
    }

    @Test
    void registersConfiguredLocationsAndMigrationBeansAheadOfTime() {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test",
                java.util.Map.of("cairn.locations", "classpath:db/tenants,filesystem:/opt/sql")));
        beanFactory.registerSingleton("environment", environment);
        beanFactory.registerBeanDefinition("createA", new RootBeanDefinition(Reversible.class));
        DefaultGenerationContext context = new DefaultGenerationContext(
                new ClassNameGenerator(ClassName.get("com.example", "App")), new InMemoryGeneratedFiles());
        new CairnRuntimeHints().processAheadOfTime(beanFactory).applyTo(context, null);
        RuntimeHints hints = context.getRuntimeHints();
        assertThat(RuntimeHintsPredicates.resource().forResource("db/tenants/acme/V1__x.sql")).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(Reversible.class)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(MigrationContext.class)).accepts(hints);
    }

}
