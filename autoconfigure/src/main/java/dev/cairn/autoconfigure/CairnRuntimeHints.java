package dev.cairn.autoconfigure;

import java.util.List;

import dev.cairn.Migration;
import dev.cairn.MigrationContext;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * What a native image needs of Cairn: the SQL scripts of the default location, and, from the application's own
 * configuration at build time, the scripts of {@code cairn.locations} and the methods of each {@link Migration} bean
 * (Cairn looks up {@code down} to tell whether a migration is reversible).
 */
final class CairnRuntimeHints implements RuntimeHintsRegistrar, BeanFactoryInitializationAotProcessor {

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        registerLocation(hints, "classpath:db/migration");
    }

    @Override
    public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
            ConfigurableListableBeanFactory beanFactory) {
        List<String> locations = locations(beanFactory);
        List<Class<?>> migrations = migrationTypes(beanFactory);
        return (GenerationContext context, BeanFactoryInitializationCode code) -> {
            RuntimeHints hints = context.getRuntimeHints();
            locations.forEach((location) -> registerLocation(hints, location));
            migrations.forEach((type) -> hints.reflection()
                .registerType(type, MemberCategory.INTROSPECT_PUBLIC_METHODS, MemberCategory.INTROSPECT_DECLARED_METHODS));
            hints.reflection().registerType(MigrationContext.class, MemberCategory.INTROSPECT_PUBLIC_METHODS);
        };
    }

    private static List<String> locations(ConfigurableListableBeanFactory beanFactory) {
        if (!beanFactory.containsBean("environment")) {
            return List.of();
        }
        Environment environment = beanFactory.getBean("environment", Environment.class);
        return Binder.get(environment).bind("cairn.locations", Bindable.listOf(String.class)).orElse(List.of());
    }

    private static List<Class<?>> migrationTypes(ConfigurableListableBeanFactory beanFactory) {
        return java.util.Arrays.stream(beanFactory.getBeanNamesForType(Migration.class, true, false))
            .map(beanFactory::getType)
            .filter(java.util.Objects::nonNull)
            .<Class<?>>map((type) -> type)
            .distinct()
            .toList();
    }

    /**
     * Registers the files below a classpath location; filesystem locations need no hints.
     */
    static void registerLocation(RuntimeHints hints, String location) {
        String path = location.startsWith("classpath:") ? location.substring("classpath:".length())
                : location.startsWith("filesystem:") ? null : location;
        if (path != null) {
            String folder = path.replaceAll("^/+", "").replaceAll("/+$", "");
            hints.resources().registerPattern(folder.isEmpty() ? "**" : folder + "/**");
        }
    }

}
