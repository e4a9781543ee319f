package dev.cairn.lock;

import java.net.InetAddress;

/**
 * This process as named in locks and history rows: its host and pid.
 */
public final class Holder {

    /** The host and pid of this process, such as {@code app-7f9c (pid 4711)}. */
    public static final String DESCRIPTION = describe();

    private Holder() {
    }

    private static String describe() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        }
        catch (Exception ex) {
            host = "unknown host";
        }
        return host + " (pid " + ProcessHandle.current().pid() + ")";
    }

}
