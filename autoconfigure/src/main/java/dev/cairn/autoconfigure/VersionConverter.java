package dev.cairn.autoconfigure;

import java.util.Set;

import dev.cairn.Version;
import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds {@code cairn.target} and {@code cairn.baseline-version} as {@link Version}s, from text or from a number as
 * YAML writes {@code 4}; {@code latest} is no version (every migration). A value that is not a version fails binding
 * with Spring Boot's message, which names the property and the value as written.
 */
final class VersionConverter implements GenericConverter {

    private static final Set<ConvertiblePair> TYPES = Set.of(new ConvertiblePair(String.class, Version.class),
            new ConvertiblePair(Number.class, Version.class));

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return TYPES;
    }

    @Override
    public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String text = source.toString().strip();
        return (text.isEmpty() || text.equalsIgnoreCase("latest")) ? null : Version.parse(text);
    }

}
