DROP INDEX todos_by_user;
