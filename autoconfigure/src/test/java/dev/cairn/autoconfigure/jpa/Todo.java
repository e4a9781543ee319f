package dev.cairn.autoconfigure.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A JPA entity whose table a migration creates, to show the migration runs before Hibernate validates it.
 */
@Entity
@Table(name = "todos")
public class Todo {

    @Id
    private Long id;

    private String title;

    public Long getId() {
        return this.id;
    }

    public String getTitle() {
        return this.title;
    }

}
