package fr.maillage.platform.web.testapp;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("things")
public class Thing {

    @Id
    private String id;

    private String name;
    private Colour colour;
    private boolean closed;

    @Version
    private Long version;

    Thing() {}

    Thing(String name, Colour colour) {
        this.name = name;
        this.colour = colour;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Colour colour() {
        return colour;
    }

    public boolean closed() {
        return closed;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    void rename(String name) {
        this.name = name;
    }

    void close() {
        this.closed = true;
    }
}
