package dev.cairn.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The dashboard's API: list todos, open ones first by priority, count them by priority, add one, and read and
 * write the notes on one.
 */
@RestController
@RequestMapping("/todos")
public class TodoController {

    private static final String SELECT_NOTES = "SELECT id, todo_id, body, created_at FROM todo_notes WHERE ";

    private static final RowMapper<Note> NOTE = (rs, row) -> new Note(rs.getLong("id"), rs.getLong("todo_id"),
            rs.getString("body"), rs.getObject("created_at", LocalDateTime.class));

    private final JdbcClient jdbc;

    public TodoController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The todos, or those whose title contains {@code q}, whatever its case. Until the background migration has
     * filled {@code search_title} for every existing todo, a todo without one is matched on its title.
     * @param q what to search for, or nothing for all todos
     * @return the todos
     */
    @GetMapping
    public List<Todo> list(@RequestParam(required = false) @Nullable String q) {
        String where = (q != null) ? " WHERE COALESCE(search_title, LOWER(title)) LIKE :q" : "";
        StatementSpec query = this.jdbc.sql("SELECT id, user_id, title, done, priority, due_on FROM todos" + where
                + " ORDER BY done, priority, id");
        if (q != null) {
            query = query.param("q", "%" + q.toLowerCase(Locale.ROOT) + "%");
        }
        return query.query((rs, row) -> new Todo(rs.getLong("id"), rs.getLong("user_id"), rs.getString("title"),
                    rs.getBoolean("done"), rs.getInt("priority"), rs.getObject("due_on", LocalDate.class)))
            .list();
    }

    @GetMapping("/summary")
    public List<Summary> summary() {
        return this.jdbc.sql("SELECT priority, todos, done FROM todo_summary ORDER BY priority")
            .query((rs, row) -> new Summary(rs.getInt("priority"), rs.getInt("todos"), rs.getInt("done")))
            .list();
    }

    @PostMapping
    public Todo add(@RequestBody NewTodo todo) {
        if (todo.title() == null || todo.title().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "title must not be blank");
        }
        int priority = (todo.priority() != null) ? todo.priority() : 2;
        if (priority < 1 || priority > 3) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "priority must be 1, 2 or 3");
        }
        long userId = (todo.userId() != null) ? todo.userId()
                : this.jdbc.sql("SELECT MIN(id) FROM users").query(Long.class).single();
        KeyHolder keys = new GeneratedKeyHolder();
        this.jdbc.sql("INSERT INTO todos (user_id, title, priority, search_title, due_on) VALUES (?, ?, ?, ?, ?)")
            .params(userId, todo.title(), priority, todo.title().toLowerCase(Locale.ROOT), todo.dueOn())
            .update(keys, "id");
        return new Todo(keys.getKeyAs(Number.class).longValue(), userId, todo.title(), false, priority,
                todo.dueOn());
    }

    /**
     * The notes on a todo, oldest first.
     * @param id the todo
     * @return the notes
     */
    @GetMapping("/{id}/notes")
    public List<Note> notes(@PathVariable long id) {
        requireTodo(id);
        return this.jdbc.sql(SELECT_NOTES + "todo_id = ? ORDER BY id")
            .param(id)
            .query(NOTE)
            .list();
    }

    /**
     * Adds a note to a todo; the database stamps it with its time.
     * @param id the todo
     * @param note the note
     * @return the note as stored
     */
    @PostMapping("/{id}/notes")
    public Note addNote(@PathVariable long id, @RequestBody NewNote note) {
        if (note.body() == null || note.body().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "body must not be blank");
        }
        requireTodo(id);
        KeyHolder keys = new GeneratedKeyHolder();
        this.jdbc.sql("INSERT INTO todo_notes (todo_id, body) VALUES (?, ?)").params(id, note.body()).update(keys, "id");
        return this.jdbc.sql(SELECT_NOTES + "id = ?")
            .param(keys.getKeyAs(Number.class).longValue())
            .query(NOTE)
            .single();
    }

    private void requireTodo(long id) {
        if (this.jdbc.sql("SELECT COUNT(*) FROM todos WHERE id = ?").param(id).query(Long.class).single() == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no todo " + id);
        }
    }

}
