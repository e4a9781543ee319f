-- A lower-case copy of each title, for search. The application fills it for new todos (TodoController.add), and
-- the background migration "1" (DemoApplication.backfillSearchTitles) for the existing ones, in batches once the
-- application is ready, so that a large table never holds up a start.
ALTER TABLE todos ADD COLUMN search_title VARCHAR(200);
