package dev.cairn.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.cairn.benchmarks.contender.Tool;

/**
 * Starts child JVMs with the launcher's own {@code java} and classpath, minus the jars of the tools a child does
 * not use, so that each contender runs as if it were the only tool in the application, plus what a scenario adds
 * (the jar of SQL scripts). A child's output goes to a log file of its own; its results are read from that log
 * after it exits.
 */
final class ChildJvm {

    private static final long TIMEOUT_MINUTES = 15;

    private final String java;

    private final List<String> classpath;

    private final Path logs;

    private final List<String> extraArguments;

    ChildJvm(Path logs, List<String> extraArguments) throws IOException {
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.classpath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        this.logs = Files.createDirectories(logs);
        this.extraArguments = extraArguments;
    }

    /**
     * Starts a child.
     * @param name names the log file
     * @param tools the tools whose jars stay on the classpath
     * @param additions entries added to the classpath, such as the jar of SQL scripts
     * @param jvmArguments options before the main class
     * @param mainClass the main class
     * @param arguments its arguments
     * @return the running child
     * @throws IOException when it cannot be started
     */
    Running start(String name, Collection<Tool> tools, List<Path> additions, List<String> jvmArguments,
            Class<?> mainClass, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(this.java);
        command.addAll(jvmArguments);
        command.addAll(this.extraArguments);
        command.add("-cp");
        command.add(classpathFor(tools, additions));
        command.add(mainClass.getName());
        command.addAll(arguments);
        Path log = this.logs.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(log.toFile());
        long spawnedAt = System.currentTimeMillis();
        return new Running(builder.start(), spawnedAt, log);
    }

    /**
     * Starts a child and waits for it.
     * @param name names the log file
     * @param tools the tools whose jars stay on the classpath
     * @param additions entries added to the classpath, such as the jar of SQL scripts
     * @param jvmArguments options before the main class
     * @param mainClass the main class
     * @param arguments its arguments
     * @return how it ended
     * @throws Exception when it cannot be started or read
     */
    Outcome run(String name, Collection<Tool> tools, List<Path> additions, List<String> jvmArguments,
            Class<?> mainClass, List<String> arguments) throws Exception {
        return start(name, tools, additions, jvmArguments, mainClass, arguments).await();
    }

    private String classpathFor(Collection<Tool> tools, List<Path> additions) {
        List<String> entries = new ArrayList<>();
        for (String entry : this.classpath) {
            Path path = Path.of(entry);
            boolean foreign = Arrays.stream(Tool.values()).anyMatch((tool) -> !tools.contains(tool) && tool.owns(path));
            if (!foreign) {
                entries.add(entry);
            }
        }
        additions.forEach((addition) -> entries.add(addition.toAbsolutePath().toString()));
        return String.join(File.pathSeparator, entries);
    }

    /**
     * A child that was started.
     *
     * @param process the process
     * @param spawnedAt when it was started, in epoch milliseconds
     * @param log its log file
     */
    record Running(Process process, long spawnedAt, Path log) {

        Outcome await() throws Exception {
            if (!this.process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                this.process.destroyForcibly().waitFor();
                return new Outcome(-1, this.spawnedAt, Map.of(), this.log);
            }
            return new Outcome(this.process.exitValue(), this.spawnedAt, ResultLine.read(this.log), this.log);
        }

    }

    /**
     * How a child ended.
     *
     * @param exitCode its exit code, -1 when it was killed after the time limit
     * @param spawnedAt when it was started, in epoch milliseconds
     * @param values its result line
     * @param log its log file
     */
    record Outcome(int exitCode, long spawnedAt, Map<String, String> values, Path log) {

        boolean succeeded() {
            return this.exitCode == 0 && this.values.containsKey("finished");
        }

        double millis() {
            return Double.parseDouble(this.values.get("millis"));
        }

        long finished() {
            return Long.parseLong(this.values.get("finished"));
        }

        long rssKb() {
            return Long.parseLong(this.values.getOrDefault("rssKb", "-1"));
        }

        String failure() {
            return (this.exitCode == -1) ? "timed out, see " + this.log
                    : "exit code " + this.exitCode + ", see " + this.log;
        }

    }

}
