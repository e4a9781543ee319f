package dev.cairn.autoconfigure;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README.md documents every property in the configuration metadata, with the default the code uses.
 */
class DocumentedPropertiesTests {

    private static final Pattern ROW = Pattern.compile("^\\| `(cairn\\.[a-z.-]+?)(?:\\.\\*)?` \\|\\s*([^|]*?)\\s*\\|", Pattern.MULTILINE);

    @Test
    void readmeListsEveryPropertyWithItsDefault() throws Exception {
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("..", "README.md")));
        while (row.find()) {
            documented.put(row.group(1), row.group(2).trim());
        }
        JsonNode metadata;
        try (InputStream json = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = JsonMapper.builder().build().readTree(json);
        }
        int checked = 0;
        for (JsonNode property : metadata.get("properties")) {
            String name = property.get("name").asString();
            if (!name.startsWith("cairn.")) {
                continue;
            }
            assertThat(documented).as("README.md documents %s", name).containsKey(name);
            assertThat(property.has("description")).as("%s has a Javadoc description", name).isTrue();
            if (property.has("defaultValue")) {
                JsonNode value = property.get("defaultValue");
                List<String> values = new ArrayList<>();
                if (value.isArray()) {
                    value.forEach((element) -> values.add(element.asString()));
                }
                else {
                    values.add(value.asString());
                }
                assertThat(documented.get(name)).as("README.md's default of %s", name)
                    .isEqualTo("`" + String.join(",", values) + "`");
            }
            checked++;
        }
        assertThat(checked).isEqualTo(documented.size());
    }

}
