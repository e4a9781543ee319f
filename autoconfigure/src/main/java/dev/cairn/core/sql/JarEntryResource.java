package dev.cairn.core.sql;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.springframework.core.io.AbstractResource;

/**
 * A script inside a jar, read straight from the jar the class loader opened, rather than through a URL connection of
 * its own per file: a start reads every script for its checksum.
 */
final class JarEntryResource extends AbstractResource {

    private final JarFile jar;

    private final JarEntry entry;

    private final String url;

    /**
     * A jar entry.
     * @param jar the open jar, owned (and cached) by the class loader's URL handler: never closed here
     * @param entry the entry
     * @param url the entry's URL, for messages
     */
    JarEntryResource(JarFile jar, JarEntry entry, String url) {
        this.jar = jar;
        this.entry = entry;
        this.url = url;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return this.jar.getInputStream(this.entry);
    }

    @Override
    public byte[] getContentAsByteArray() throws IOException {
        long size = this.entry.getSize();
        try (InputStream input = getInputStream()) {
            if (size < 0 || size > Integer.MAX_VALUE - 8) {
                return input.readAllBytes();
            }
            // The size is known: one array of it rather than readAllBytes' buffers and copies.
            byte[] content = input.readNBytes((int) size);
            int next = input.read();
            if (next < 0) {
                return content;
            }
            // Longer than the jar said: keep reading rather than cut the script short.
            byte[] rest = input.readAllBytes();
            byte[] all = java.util.Arrays.copyOf(content, content.length + 1 + rest.length);
            all[content.length] = (byte) next;
            System.arraycopy(rest, 0, all, content.length + 1, rest.length);
            return all;
        }
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public long contentLength() {
        return this.entry.getSize();
    }

    @Override
    public URL getURL() throws IOException {
        return URI.create(this.url.replace(" ", "%20")).toURL();
    }

    @Override
    public String getFilename() {
        String name = this.entry.getName();
        return name.substring(name.lastIndexOf('/') + 1);
    }

    @Override
    public String getDescription() {
        return "jar entry [" + this.url + "]";
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof JarEntryResource resource && this.url.equals(resource.url));
    }

    @Override
    public int hashCode() {
        return this.url.hashCode();
    }

}
