package org.mapiscope.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mapiscope.model.InputOutcome;

/**
 * The files under the user's paths, in walk order (roots as given, folders in natural name order,
 * depth first), with the paths that cannot be read listed with why. Reads no file content.
 */
public final class Listing {

  private Listing() {}

  /** A path the listing found: a file to read, or one that cannot be. */
  public sealed interface Entry {

    /** A regular file (or a link to one). */
    record Found(SourceFile file) implements Entry {}

    /** A missing root, a folder that cannot be listed, a link not followed or broken. */
    record NotFound(String displayPath, InputOutcome outcome, String message)
        implements Entry, Serializable {
      private static final long serialVersionUID = 1L;
    }
  }

  /** Lists every file under {@code roots} in walk order. */
  public static List<Entry> list(List<Path> roots) {
    List<Entry> entries = new ArrayList<>();
    for (Path root : roots) {
      Optional<String> brokenLink = Files.exists(root) ? Optional.empty() : Links.problem(root);
      if (brokenLink.isPresent()) {
        entries.add(brokenLink(root, brokenLink.get()));
      } else if (!Files.exists(root)) {
        entries.add(
            new Entry.NotFound(root.toString(), InputOutcome.MISSING, root + " does not exist"));
      } else if (Files.isDirectory(root)) {
        folder(root, new ArrayList<>(), entries);
      } else {
        Path parent = root.toAbsolutePath().getParent();
        Path parentName = parent == null ? null : parent.getFileName();
        entries.add(
            new Entry.Found(
                SourceFile.onDisk(
                    root, parentName == null ? List.of() : List.of(parentName.toString()))));
      }
    }
    return entries;
  }

  private static void folder(Path dir, List<String> enclosing, List<Entry> entries) {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(children::add);
    } catch (IOException | RuntimeException e) {
      entries.add(
          new Entry.NotFound(
              dir.toString(),
              InputOutcome.UNREADABLE,
              dir + " could not be listed: " + e.getMessage()));
      return;
    }
    children.sort(Comparator.comparing(p -> p.getFileName().toString(), NaturalOrder.INSTANCE));
    for (Path child : children) {
      if (Files.isSymbolicLink(child)) {
        link(child, enclosing, entries);
      } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        List<String> deeper = new ArrayList<>(enclosing);
        deeper.add(child.getFileName().toString());
        folder(child, deeper, entries);
      } else if (Files.isRegularFile(child)) {
        entries.add(new Entry.Found(SourceFile.onDisk(child, enclosing)));
      }
    }
  }

  /**
   * A symbolic link met inside a folder: a link to a file is read like the file; a link to a folder
   * is listed and not followed (it may lead back up, or out of the evidence); a broken one is
   * listed with why.
   */
  private static void link(Path link, List<String> enclosing, List<Entry> entries) {
    if (Files.isDirectory(link)) {
      entries.add(
          new Entry.NotFound(
              link.toString(),
              InputOutcome.NOT_FOLLOWED,
              link
                  + ": symbolic link to a folder, not followed (name the folder itself to read"
                  + " it)"));
    } else if (Files.isRegularFile(link)) {
      entries.add(new Entry.Found(SourceFile.onDisk(link, enclosing)));
    } else {
      Links.problem(link).ifPresent(why -> entries.add(brokenLink(link, why)));
    }
  }

  /**
   * A loop cannot be opened: unreadable; a link to nothing names a path that does not exist:
   * missing.
   */
  private static Entry brokenLink(Path link, String why) {
    return new Entry.NotFound(
        link.toString(),
        why.startsWith("symbolic link loop") ? InputOutcome.UNREADABLE : InputOutcome.MISSING,
        link + ": " + why);
  }
}
