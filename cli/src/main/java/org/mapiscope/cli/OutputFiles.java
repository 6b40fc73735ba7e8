package org.mapiscope.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the files the user asked us to write, turning failures into one clear message. */
final class OutputFiles {

    private OutputFiles() {
    }

    /** What to do with an open stream. */
    interface StreamWork {
        void write(OutputStream out) throws IOException;
    }

    /** What to do with an open writer. */
    interface WriterWork {
        void write(Writer out) throws IOException;
    }

    /** Writes to {@code target}, or to {@code stdout} when target is {@code -}. */
    static void write(String target, PrintStream stdout, String what, StreamWork work) {
        if ("-".equals(target)) {
            try {
                work.write(stdout);
                stdout.flush();
            } catch (IOException e) {
                throw new UserException(ExitCodes.USAGE, "cannot write " + what + " to standard output: " + e.getMessage());
            }
            return;
        }
        writeFile(Path.of(target), what, work);
    }

    private static void writeFile(Path path, String what, StreamWork work) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
                work.write(out);
            }
        } catch (IOException e) {
            throw new UserException(ExitCodes.USAGE, "cannot write " + what + " to " + path + ": " + describe(e));
        }
    }

    /** Writes UTF-8 text to {@code target}. */
    static void writeText(Path target, String what, WriterWork work) {
        writeFile(target, what, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            work.write(w);
            w.flush();
        });
    }

    static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        return switch (type) {
            case "NoSuchFileException" -> "no such file or folder";
            case "AccessDeniedException" -> "access denied";
            case "FileAlreadyExistsException" -> "a file of that name is in the way";
            default -> e.getMessage() == null ? type : e.getMessage();
        };
    }
}
