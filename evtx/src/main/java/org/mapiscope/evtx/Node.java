package org.mapiscope.evtx;

/**
 * A parsed BinXML token tree: the compiled form of a template body, or of a fragment written
 * without templates. Substitutions stay symbolic until the tree is walked with an instance's
 * values.
 */
sealed interface Node {

  /**
   * @param dependency index of the substitution whose NULL value omits this element, or -1
   */
  record Element(String name, int dependency, Attr[] attributes, Node[] children) implements Node {}

  /** An attribute and the tokens of its value (text, substitutions, references). */
  record Attr(String name, Node[] value) {}

  record Text(String text) implements Node {}

  record Substitution(int index, boolean optional) implements Node {}

  record CharRef(int code) implements Node {}

  record EntityRef(String name) implements Node {}

  record CData(String text) implements Node {}

  record ProcessingInstruction(String target, String data) implements Node {}

  /**
   * A template applied to its values, which stay in the chunk until used (see {@link
   * Values#decode}); the values' own types win over the template's declared types.
   *
   * @param types value type per substitution index
   * @param at chunk offset per value
   * @param sizes size in bytes per value
   */
  record Instance(Template template, byte[] types, int[] at, int[] sizes) implements Node {}

  /**
   * A compiled template, cached per chunk by the chunk offset of its definition (and across a
   * thread's chunks by {@link TemplateCache} when the definitions match), with its flattened forms
   * per shape of values.
   */
  record Template(int offset, Node[] nodes, TemplatePlan.Cache plans) {}
}
