package org.mapiscope.evtx;

/**
 * Per open element of a record, whether it has element children so far: the record readers keep
 * only the leaf elements of UserData. Depths past the nesting cap count as leaves.
 */
final class Leaves {

  private final boolean[] hasChild = new boolean[FragmentParser.MAX_DEPTH + 2];

  /** An element opens inside the one at {@code depth}; returns the depth of the new element. */
  int open(int depth) {
    if (depth < hasChild.length) {
      hasChild[depth] = true;
    }
    int opened = depth + 1;
    if (opened < hasChild.length) {
      hasChild[opened] = false;
    }
    return opened;
  }

  /** Whether the open element at {@code depth} has no element children. */
  boolean isLeaf(int depth) {
    return depth >= hasChild.length || !hasChild[depth];
  }
}
