package dev.cairn.demo;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The dashboard's API: list todos, open ones first by priority, count them by priority, and add one.
 */
@RestController
@RequestMapping("/todos")
public class TodoController {

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
        StatementSpec query = this.jdbc.sql("SELECT id, user_id, title, done, priority FROM todos" + where
                + " ORDER BY done, priority, id");
        if (q != null) {
            query = query.param("q", "%" + q.toLowerCase(Locale.ROOT) + "%");
        }
        return query.query((rs, row) -> new Todo(rs.getLong("id"), rs.getLong("user_id"), rs.getString("title"),
                    rs.getBoolean("done"), rs.getInt("priority")))
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
        this.jdbc.sql("INSERT INTO todos (user_id, title, priority, search_title) VALUES (?, ?, ?, ?)")
            .params(userId, todo.title(), priority, todo.title().toLowerCase(Locale.ROOT))
            .update(keys, "id");
        return new Todo(keys.getKeyAs(Number.class).longValue(), userId, todo.title(), false, priority);
    }

}
