package org.mapiscope.ingest.eventlog;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.mapiscope.ingest.InputFile;
import org.mapiscope.ingest.Sniff;
import org.mapiscope.ingest.TextDecoding;

/** An in-memory {@link InputFile}. */
record BytesInput(String displayPath, byte[] bytes, String serverHint) implements InputFile {

    static BytesInput utf8(String path, String text) {
        return new BytesInput(path, text.getBytes(StandardCharsets.UTF_8), null);
    }

    /** The text as Windows writes "Unicode": UTF-16LE with a byte order mark. */
    static BytesInput utf16LeWithBom(String path, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        return new BytesInput(path, bytes, null);
    }

    BytesInput withServerHint(String hint) {
        return new BytesInput(displayPath, bytes, hint);
    }

    Sniff sniff() {
        byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, Sniff.HEAD_BYTES));
        String name = displayPath.substring(displayPath.lastIndexOf('/') + 1);
        return new Sniff(name, head, TextDecoding.decode(head));
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public long size() {
        return bytes.length;
    }
}
