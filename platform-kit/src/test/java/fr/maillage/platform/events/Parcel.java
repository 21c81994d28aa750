package fr.maillage.platform.events;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** Test aggregate: carries its pending events like a service's aggregate does. */
@Document("parcels")
class Parcel implements PublishesEvents {

    @Id
    private String id;

    @Version
    private Long version;

    private int weight;

    private List<OutboundEvent> pendingEvents = new ArrayList<>();

    Parcel() {}

    Parcel(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    void weigh(int weight) {
        this.weight = weight;
    }

    @Override
    public List<OutboundEvent> pendingEvents() {
        return pendingEvents;
    }
}
