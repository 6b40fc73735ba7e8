package org.mapiscope.report.scripts;

/**
 * A generated file: its name, the text as a reader sees it, and the exact bytes written.
 *
 * @param name plain file name
 * @param text the content as text (for showing in the HTML report)
 * @param bytes the content as written (encoding and BOM included)
 */
public record ScriptFile(String name, String text, byte[] bytes) {}
