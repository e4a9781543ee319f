package dev.cairn.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one line a child JVM prints last, {@code BENCH-RESULT key=value ...}, and how the launcher reads it back
 * from the child's log. Children also report their peak resident set size (VmHWM) read just before they exit.
 */
public final class ResultLine {

    private static final String PREFIX = "BENCH-RESULT ";

    private ResultLine() {
    }

    /**
     * Prints the result line with the wall-clock time and the peak RSS added.
     * @param values the measurements, such as {@code millis}
     */
    public static void print(Map<String, Object> values) {
        Map<String, Object> all = new LinkedHashMap<>(values);
        all.put("finished", System.currentTimeMillis());
        all.put("rssKb", peakRssKb());
        StringBuilder line = new StringBuilder(PREFIX);
        all.forEach((key, value) -> line.append(key).append('=').append(value).append(' '));
        System.out.println(line.toString().trim());
        System.out.flush();
    }

    /**
     * Reads the last result line of a child's log.
     * @param log the log file
     * @return the values, empty when the child printed none
     * @throws IOException when the log cannot be read
     */
    public static Map<String, String> read(Path log) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(log);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.startsWith(PREFIX)) {
                for (String pair : line.substring(PREFIX.length()).split(" ")) {
                    int equals = pair.indexOf('=');
                    values.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
                break;
            }
        }
        return values;
    }

    /**
     * The peak resident set size of this JVM so far, from {@code /proc/self/status}.
     * @return kilobytes, or -1 where /proc is not available
     */
    public static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            // Not Linux: the RSS column shows n/a.
        }
        return -1;
    }

}
