package org.mapiscope.ingest;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What is wrong with a symbolic link that cannot be followed: a loop, or a target that does not
 * exist.
 */
public final class Links {

  /** Longer chains are treated as loops, as the operating systems do (Linux gives up after 40). */
  private static final int MAX_HOPS = 40;

  private Links() {}

  /**
   * Whether {@code path} is a symbolic link that leads back to itself (directly or through other
   * links).
   */
  public static boolean isLoop(Path path) {
    return Files.isSymbolicLink(path) && loop(path).isPresent();
  }

  /**
   * Why the symbolic link {@code path} cannot be followed, or empty when it can (or is no link):
   * {@code symbolic link loop (a -> b -> a)} or {@code symbolic link to x, which does not exist}.
   */
  public static Optional<String> problem(Path path) {
    if (!Files.isSymbolicLink(path)) {
      return Optional.empty();
    }
    try {
      path.toRealPath();
      return Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.of(
          loop(path)
              .orElseGet(() -> "symbolic link to " + target(path) + ", which does not exist"));
    } catch (FileSystemException e) {
      return Optional.of(
          loop(path)
              .orElseGet(
                  () ->
                      "symbolic link that cannot be followed: "
                          + (e.getReason() == null
                              ? e.getClass().getSimpleName()
                              : e.getReason())));
    } catch (IOException | RuntimeException e) {
      return Optional.of(
          loop(path).orElseGet(() -> "symbolic link that cannot be followed: " + e.getMessage()));
    }
  }

  /**
   * The loop's description when following the links from {@code path} comes back to one already
   * met.
   */
  private static Optional<String> loop(Path path) {
    Set<Path> seen = new LinkedHashSet<>();
    Path at = path.toAbsolutePath().normalize();
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      if (!Files.isSymbolicLink(at)) {
        return Optional.empty();
      }
      if (!seen.add(at)) {
        List<String> chain = new ArrayList<>();
        seen.forEach(p -> chain.add(String.valueOf(p.getFileName())));
        chain.add(String.valueOf(at.getFileName()));
        return Optional.of("symbolic link loop (" + String.join(" -> ", chain) + ")");
      }
      try {
        Path target = Files.readSymbolicLink(at);
        Path parent = at.getParent();
        at = (parent == null ? target : parent.resolve(target)).toAbsolutePath().normalize();
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }
    return Optional.of("symbolic link loop (more than " + MAX_HOPS + " links in a row)");
  }

  private static String target(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException | RuntimeException e) {
      return "a target";
    }
  }
}
