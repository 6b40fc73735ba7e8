/**
 * A streaming parser of Windows event logs: {@link org.mapiscope.evtx.EvtxParser} for {@code .evtx}
 * (and {@link org.mapiscope.evtx.evt.EvtParser} for legacy {@code .evt}).
 *
 * <h2>Why some codes stay ints</h2>
 *
 * Kinds that only steer decisions (the section an element opens, the System field or attribute it
 * names, what a value slot holds) are enums. Three groups of codes stay {@code static final int}:
 *
 * <ul>
 *   <li>{@code TemplatePlan}'s opcodes: a record is replayed as a loop over its plan's calls, four
 *       ints each (opcode and operands side by side in one array), switched on the opcode; this is
 *       the reader's hottest loop. Measured with JMH on the plans of every record of the sample
 *       files (bench/evtx-jmh, 2 shared and heavily loaded cores), the same loop over an {@code
 *       Op[]} enum array beside the operands was never as fast: 1,262 ± 109 µs against 1,200 ± 160
 *       µs for all 228,671 calls (best iterations 1,013 against 843 µs), and 6,682 ± 1,359 against
 *       5,174 ± 860 µs in a more loaded run (99.9% intervals).
 *   <li>{@code ValueType}'s codes and {@code FragmentParser}'s BinXML tokens: they are bytes of the
 *       file, read and switched on as read ([MS-EVEN6] numbering), and an enum would add a table
 *       lookup per value or token for no gain in safety (unknown codes are damage either way).
 *   <li>{@code JsonLinePlan}'s field and value-write codes: they index arrays and are switched on
 *       per data item in the JSON lines path, the same pattern as the plan opcodes.
 * </ul>
 *
 * Layout constants ({@code Chunk.SIZE}, {@code EvtLayout}'s offsets, {@code FileHeader.SIZE}) are
 * byte offsets and sizes, not kinds.
 */
package org.mapiscope.evtx;
