package dev.cairn.benchmarks.app.plain;

/**
 * A bean with nothing to do, registered N times to measure what N beans cost a start-up without any migration
 * tool: the share of the tools' added time that comes from their migrations being beans.
 *
 * @param version its number
 */
public record PlainBean(int version) {

}
