-- Undoes V5_1: the search column goes; the background migration that filled it is done with.
ALTER TABLE todos DROP COLUMN search_title;
