package dev.cairn.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.cairn.MigrationRunner;
import dev.cairn.schema.DeclaredSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SessionNotCreatedException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The migrations page in a real browser: Debian's chromium, driven through chromedriver, opens the demo upgraded from
 * this release to a next one whose first script failed and whose second waits behind it, sees the failure fixed
 * without being reloaded by hand and the application gone away, and leaves a screenshot. Skipped, with the reason printed, where chromium or chromedriver cannot be had.
 * <p>
 * The screenshot goes to {@code target/migrations-page.png}; {@code -Dscreenshot=../docs/migrations-page.png}
 * writes the one that README.md shows.
 */
class MigrationsPageBrowserTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path directory;

    @Test
    void showsTheTimelineAndTheFailureAndRefreshesItself() throws Exception {
        ChromeDriver browser = startBrowser();
        try (ConfigurableApplicationContext demo = startDemo()) {
            browser.get("http://localhost:" + demo.getEnvironment().getProperty("local.server.port")
                    + "/actuator/migrations");

            assertThat(browser.getTitle()).isEqualTo("Migrations: FAILED at version 7");
            assertThat(browser.findElement(By.id("schema")).getText()).isEqualTo("FAILED");
            assertThat(browser.findElement(By.id("verdict")).getText())
                .isEqualTo("The last migrate failed in migration 8: nothing after it runs until it is fixed.");
            assertThat(rows(browser)).containsExactly("1 Create users JAVA APPLIED", "2 Create todos JAVA APPLIED",
                    "3 Add todo priority JAVA APPLIED", "4 Index todos by priority JAVA APPLIED",
                    "5 index todos by user SQL V5__index_todos_by_user.sql APPLIED",
                    "5.1 add todo search title SQL V5_1__add_todo_search_title.sql APPLIED",
                    // The automatic migration of the declaration's version 7 stays APPLIED once it says 9.
                    "6 Create todo notes SCHEMA APPLIED", "7 Declared schema SCHEMA_AUTO APPLIED",
                    "8 import todos SQL V8__import_todos.sql FAILED", "R todo summary SQL R__todo_summary.sql APPLIED",
                    "9 todo archive SQL V9__todo_archive.sql PENDING");
            assertThat(browser.findElements(By.cssSelector("tbody.pending tr.migration"))).hasSize(1);
            assertThat(browser.findElement(By.cssSelector("tr[data-version='1'] .installed-on")).getText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(colour(browser, "tr[data-version='8'] .state")).as("FAILED in red")
                .isEqualTo("rgba(207, 34, 46, 1)");
            assertThat(colour(browser, "tr[data-version='1'] .state")).as("APPLIED in green")
                .isEqualTo("rgba(26, 127, 55, 1)");

            String failure = browser.findElement(By.cssSelector("#failure .message")).getText();
            assertThat(failure).startsWith("Migration 8 \"import todos\" (classpath:page-demo/V8__import_todos.sql)"
                    + " failed in up() at line 5:")
                .contains("no such table: imported_todos")
                .contains("Statement: INSERT INTO todos (user_id, title, imported) SELECT users.id");
            assertThat(browser.findElement(By.cssSelector("#failure .action")).getText())
                .startsWith("Fix migration 8");
            assertThat(browser.findElement(By.cssSelector("tr[data-version='8'] + tr.advice")).getText())
                .startsWith("The last migrate failed here");

            screenshot(browser);

            // Load the tracker's export and migrate again, as whoever watches the page would; the page must follow.
            ((JavascriptExecutor) browser).executeScript("window.notReloaded = true");
            JdbcTemplate jdbc = new JdbcTemplate(demo.getBean(javax.sql.DataSource.class));
            jdbc.execute("CREATE TABLE imported_todos (email VARCHAR(200) NOT NULL, title VARCHAR(200) NOT NULL)");
            jdbc.update("INSERT INTO imported_todos VALUES ('demo@example.com', 'Water the plants')");
            demo.getBean(MigrationRunner.class).migrate();

            new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBe(By.id("schema"), "UP"));
            assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded"))
                .as("refreshed in place, not reloaded").isEqualTo(true);
            assertThat(browser.getTitle()).isEqualTo("Migrations: UP at version 9");
            assertThat(browser.findElements(By.id("failure"))).isEmpty();
            assertThat(browser.findElements(By.cssSelector("tbody.pending tr"))).isEmpty();
            assertThat(rows(browser)).hasSize(11)
                .allSatisfy((row) -> assertThat(row).endsWith(" APPLIED"));

            // While the application is away (a restart, a deployment) the page stays as it was, and says so.
            demo.close();
            new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("stale")));
            assertThat(browser.findElement(By.id("stale")).getText()).startsWith("Could not refresh (")
                .endsWith("): this is the page as it was. Trying again.");
            assertThat(rows(browser)).hasSize(11);
        }
        finally {
            browser.quit();
        }
    }

    /** Each row as a person reads it: version, description, type, script and state. */
    private static List<String> rows(ChromeDriver browser) {
        return browser.findElements(By.cssSelector("tr.migration")).stream().map((row) -> {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            return String.join(" ", cells.subList(0, 5).stream().map(WebElement::getText)
                .filter((text) -> !text.isEmpty())
                .toList());
        }).toList();
    }

    private static String colour(ChromeDriver browser, String selector) {
        return browser.findElement(By.cssSelector(selector)).getCssValue("background-color");
    }

    private void screenshot(ChromeDriver browser) throws Exception {
        // The whole page, without a scroll bar: the window grows by what its viewport lacks.
        for (int tries = 0; tries < 3; tries++) {
            long missing = (Long) browser
                .executeScript("return document.documentElement.scrollHeight - window.innerHeight");
            if (missing <= 0) {
                break;
            }
            Dimension size = browser.manage().window().getSize();
            browser.manage().window().setSize(new Dimension(size.getWidth(), size.getHeight() + (int) missing));
        }
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of("target", "migrations-page.png"), png);
        String wanted = System.getProperty("screenshot");
        if (wanted != null && !wanted.isBlank()) {
            Files.write(Path.of(wanted), png);
        }
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    /**
     * The demo migrated by this release, then started as the next one: the scripts of {@code page-demo} (versions 8
     * and 9), and the declared schema raised to their version, as the declaration must be when migrations go above
     * it.
     */
    private ConfigurableApplicationContext startDemo() {
        String url = "--spring.datasource.url=jdbc:sqlite:" + this.directory.resolve("demo.db");
        new SpringApplicationBuilder(DemoApplication.class).run("--server.port=0", url).close();
        DeclaredSchema current = new DemoSchema().declaredSchema();
        DeclaredSchema next = DeclaredSchema.of(9, current.tables());
        return new SpringApplicationBuilder(DemoApplication.class)
            .initializers((context) -> ((GenericApplicationContext) context).registerBean("nextDeclaredSchema",
                    DeclaredSchema.class, () -> next, (definition) -> definition.setPrimary(true)))
            .run("--server.port=0", url, "--cairn.locations=classpath:db/migration,classpath:page-demo",
                    "--cairn.fail-on-error=false");
    }

    private ChromeDriver startBrowser() {
        for (Path program : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(program)) {
                skip(program + " is not installed (apt-get install chromium chromium-driver)");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + this.directory.resolve("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
        try {
            return new ChromeDriver(service, options);
        }
        catch (SessionNotCreatedException ex) {
            return skip("chromium did not start: " + ex.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static <T> T skip(String why) {
        String reason = "The migrations page was not tested in a browser: " + why;
        System.err.println(reason);
        return abort(reason);
    }

}
