package dev.cairn.instances;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Instances of {@link InstanceApplication} (or another application) in JVMs of their own, each writing its output to
 * a file; all of them are killed when closed.
 */
final class ChildProcesses implements AutoCloseable {

    private final Path directory;

    private final List<Process> processes = new ArrayList<>();

    private final Map<Process, Path> logs = new HashMap<>();

    ChildProcesses(Path directory) {
        this.directory = directory;
    }

    /**
     * Starts an instance.
     * @param name the name of its output file
     * @param arguments its Spring Boot arguments
     * @return the process
     * @throws Exception when it cannot be started
     */
    Process start(String name, List<String> arguments) throws Exception {
        return start(name, InstanceApplication.class, List.of(), arguments);
    }

    /**
     * Starts an application.
     * @param name the name of its output file
     * @param application the class whose {@code main} starts it
     * @param jvmOptions options for its JVM, such as system properties
     * @param arguments its Spring Boot arguments
     * @return the process
     * @throws Exception when it cannot be started
     */
    Process start(String name, Class<?> application, List<String> jvmOptions, List<String> arguments)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(application.getName());
        command.addAll(arguments);
        File log = Files.createTempFile(this.directory, name, ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        this.processes.add(process);
        this.logs.put(process, log.toPath());
        return process;
    }

    String output(Process process) {
        try {
            return Files.readString(this.logs.get(process));
        }
        catch (Exception ex) {
            return "(no output: " + ex.getMessage() + ")";
        }
    }

    /**
     * Waits until the process has printed the text.
     * @param process the process
     * @param text the text
     * @param timeout how long to wait
     * @return whether it printed it in time
     * @throws InterruptedException when interrupted
     */
    boolean awaitOutput(Process process, String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output(process).contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                return output(process).contains(text);
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Override
    public void close() {
        this.processes.forEach(Process::destroyForcibly);
    }

}
