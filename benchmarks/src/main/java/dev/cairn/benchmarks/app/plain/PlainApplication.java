package dev.cairn.benchmarks.app.plain;

import dev.cairn.benchmarks.app.AppStart;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The baseline: a Spring Boot application with a DataSource and no migration tool; with
 * {@code -Dbench.plain-beans=true} it also registers N {@link PlainBean}s, as many beans as the tools'
 * applications have migrations (and, with {@code -Dbench.connect=true}, opens one connection once ready, as the
 * tools do).
 */
@SpringBootApplication(proxyBeanMethods = false)
public class PlainApplication {

    /** The system property that adds the N plain beans. */
    public static final String BEANS_PROPERTY = "bench.plain-beans";

    public static void main(String[] args) throws Exception {
        AppStart.run(PlainApplication.class, PlainBean.class, Boolean.getBoolean(BEANS_PROPERTY) ? PlainBean::new
                : null, args);
    }

}
