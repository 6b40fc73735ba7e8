package org.mapiscope.evtx;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** A growable byte buffer that writes text as UTF-8 without intermediate strings or encoders. */
final class ByteSink {

    private byte[] buf;
    private int size;

    ByteSink(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, size);
    }

    ByteSink ascii(char c) {
        ensure(1);
        buf[size++] = (byte) c;
        return this;
    }

    ByteSink ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    ByteSink number(long v) {
        if (v == Long.MIN_VALUE) {
            return ascii(Long.toString(v));
        }
        ensure(20);
        if (v < 0) {
            buf[size++] = '-';
            v = -v;
        }
        int start = size;
        do {
            buf[size++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        for (int i = start, j = size - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    /** Writes {@code s} as the inside of a JSON string: escapes quotes, backslashes, controls, lone surrogates. */
    ByteSink jsonChars(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                if (size == buf.length) {
                    ensure(n - i);
                }
                buf[size++] = (byte) c;
            } else {
                special(s, i, c);
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                }
            }
        }
        return this;
    }

    private void special(String s, int i, char c) {
        ensure(12);
        switch (c) {
            case '"' -> ascii("\\\"");
            case '\\' -> ascii("\\\\");
            case '\n' -> ascii("\\n");
            case '\r' -> ascii("\\r");
            case '\t' -> ascii("\\t");
            default -> {
                if (c < 0x20) {
                    unicodeEscape(c);
                } else if (c < 0x800) {
                    buf[size++] = (byte) (0xC0 | c >> 6);
                    buf[size++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(i + 1));
                    buf[size++] = (byte) (0xF0 | cp >> 18);
                    buf[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    buf[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    buf[size++] = (byte) (0x80 | cp & 0x3F);
                } else if (Character.isSurrogate(c)) {
                    unicodeEscape(c);
                } else {
                    buf[size++] = (byte) (0xE0 | c >> 12);
                    buf[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                    buf[size++] = (byte) (0x80 | c & 0x3F);
                }
            }
        }
    }

    private void unicodeEscape(char c) {
        ascii("\\u");
        String hex = Integer.toHexString(c);
        for (int k = hex.length(); k < 4; k++) {
            ascii('0');
        }
        ascii(hex);
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }
}
