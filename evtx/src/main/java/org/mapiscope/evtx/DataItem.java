package org.mapiscope.evtx;

/**
 * One EventData/UserData value.
 *
 * @param name the {@code Name} attribute, or {@code null} for unnamed classic {@code <Data>}
 *     elements
 * @param value the typed value: {@link String}, {@link Long} (all integer types, HexInt, SizeT),
 *     {@link java.math.BigInteger} (UInt64 above {@code Long.MAX_VALUE}), {@link Double} (reals),
 *     {@link Boolean}, {@code byte[]} (binary), {@link java.util.UUID}, {@link java.time.Instant}
 *     (FILETIME/SYSTEMTIME), {@link Sid}, {@link java.util.List} (arrays), or {@code null} for a
 *     NULL substitution
 */
public record DataItem(String name, Object value) {}
