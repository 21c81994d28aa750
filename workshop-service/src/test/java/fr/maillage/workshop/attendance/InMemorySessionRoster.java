package fr.maillage.workshop.attendance;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fake of our own {@link SessionRoster} port for the attendance integration tests: each test puts
 * the groups it needs (fresh ids), so attendance is tested against real Kafka and Mongo without
 * depending on how the groups build their roster.
 */
public final class InMemorySessionRoster implements SessionRoster {

    private final Map<String, Roster> rosters = new ConcurrentHashMap<>();

    public void put(Roster roster) {
        rosters.put(roster.groupId(), roster);
    }

    @Override
    public Optional<Roster> of(String groupId) {
        return Optional.ofNullable(rosters.get(groupId));
    }
}
