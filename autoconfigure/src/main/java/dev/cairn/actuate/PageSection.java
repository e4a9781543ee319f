package dev.cairn.actuate;

/**
 * One part of the migrations page, such as the summary, the last failure or the timeline. A part that has nothing to
 * show writes nothing, so that parts for what Cairn reports later (drift, background migrations with their progress)
 * are added to {@link MigrationsPage} without changing the others.
 */
interface PageSection {

    /**
     * Writes this part of the page.
     * @param overview what the page shows
     * @param html the page being written
     */
    void write(MigrationsOverview overview, Html html);

}
