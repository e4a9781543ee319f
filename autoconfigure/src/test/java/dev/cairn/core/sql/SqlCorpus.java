package dev.cairn.core.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The scripts under {@code sql-corpus/<syntax>/}, each with its expected statements in a sibling {@code .expected}
 * file: one block per statement, separated by a line {@code -- ----}, each block a header line
 * {@code -- line N} (with {@code , outside a transaction} for a statement that cannot run in one) followed by the
 * statement's exact text.
 */
final class SqlCorpus {

    private static final Pattern SEPARATOR = Pattern.compile("\\r?\\n-- ----\\r?\\n");

    private static final Pattern HEADER = Pattern.compile("-- line (\\d+)(, outside a transaction)?\\r?\\n");

    private static final Pattern LAST_LINE_BREAK = Pattern.compile("\\r?\\n\\z");

    private SqlCorpus() {
    }

    static Stream<Script> scripts() {
        return Stream.of(SqlSyntax.values()).flatMap(SqlCorpus::scripts);
    }

    static Stream<Script> scripts(SqlSyntax syntax) {
        Path directory = root().resolve(syntax.name().toLowerCase(Locale.ROOT));
        if (!Files.isDirectory(directory)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter((file) -> file.getFileName().toString().endsWith(".sql"))
                .sorted()
                .map((file) -> new Script(syntax, file))
                .toList()
                .stream();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Path root() {
        URL url = SqlCorpus.class.getClassLoader().getResource("sql-corpus");
        if (url == null) {
            throw new IllegalStateException("No sql-corpus directory on the test class path");
        }
        try {
            return Path.of(url.toURI());
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * One script of the corpus.
     * @param syntax the syntax it is written in
     * @param file the script
     */
    record Script(SqlSyntax syntax, Path file) {

        String name() {
            return this.syntax.name().toLowerCase(Locale.ROOT) + "/" + this.file.getFileName();
        }

        String text() {
            return read(this.file);
        }

        List<SqlStatement> split() {
            return SqlSplitter.split(text(), this.syntax);
        }

        List<SqlStatement> expected() {
            String name = this.file.getFileName().toString().replaceFirst("\\.sql$", ".expected");
            String text = read(this.file.resolveSibling(name));
            List<SqlStatement> statements = new ArrayList<>();
            if (text.isBlank()) {
                return statements;
            }
            for (String block : SEPARATOR.split(LAST_LINE_BREAK.matcher(text).replaceFirst(""), -1)) {
                Matcher header = HEADER.matcher(block);
                if (!header.lookingAt()) {
                    throw new IllegalStateException("No '-- line N' header in " + name + " before: " + block);
                }
                statements.add(new SqlStatement(block.substring(header.end()), Integer.parseInt(header.group(1)),
                        header.group(2) == null));
            }
            return statements;
        }

        @Override
        public String toString() {
            return name();
        }

    }

}
