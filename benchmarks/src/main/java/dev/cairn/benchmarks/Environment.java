package dev.cairn.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where and with what the suite ran: the machine, the JDK, and the versions of the tools and drivers as found on
 * the classpath.
 */
final class Environment {

    private Environment() {
    }

    /**
     * One line describing the machine and the JDK.
     * @return the description
     */
    static String machine() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        String ram = memory.isEmpty() ? "" : String.format(java.util.Locale.ROOT, ", %.1f GB RAM",
                Long.parseLong(memory.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
        return Runtime.getRuntime().availableProcessors() + " cores" + (cpu.isEmpty() ? "" : " (" + cpu + ")") + ram
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
    }

    /**
     * The versions of everything measured, from the jar names on the classpath.
     * @return the description
     */
    static String versions() {
        return "Cairn " + jar("cairn-spring-boot-") + ", Flyway " + jar("flyway-core-") + " (with flyway-database-postgresql "
                + jar("flyway-database-postgresql-") + "), Liquibase " + jar("liquibase-core-") + ", Spring Boot "
                + jar("spring-boot-") + ", HikariCP " + jar("HikariCP-") + ", sqlite-jdbc " + jar("sqlite-jdbc-")
                + ", PostgreSQL JDBC " + jar("postgresql-");
    }

    private static String jar(String prefix) {
        Pattern pattern = Pattern.compile(Pattern.quote(prefix) + "(\\d[^/]*?)\\.jar");
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Matcher matcher = pattern.matcher(Path.of(entry).getFileName().toString());
            if (matcher.matches()) {
                return matcher.group(1);
            }
            if (prefix.startsWith("cairn-spring-boot") && entry.replace('\\', '/').endsWith("autoconfigure/target/classes")) {
                return "(reactor build)";
            }
        }
        return "?";
    }

    private static String firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        }
        catch (IOException ex) {
            // Not Linux.
        }
        return "";
    }

}
