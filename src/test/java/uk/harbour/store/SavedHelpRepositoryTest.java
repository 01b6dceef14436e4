package uk.harbour.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.Futures.join;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.harbour.signposting.SavedHelpRepository.Saved;
import uk.harbour.signposting.SavedHelpRepository.SavedCard;
import uk.harbour.store.embedded.EmbeddedStore;
import uk.harbour.store.embedded.EmbeddedStoreTestBase;

/** "My saved help" lists: a save that loses a race is told so, and nothing another save wrote is overwritten. */
@DisplayName("Saved help in the store")
class SavedHelpRepositoryTest extends EmbeddedStoreTestBase {

  @Test
  @DisplayName("replaces a list only at the version it was read at, the first list included")
  void replacesOnlyTheVersionRead() {
    try (EmbeddedStore server = EmbeddedStore.start(storeFile())) {
      MongoSavedHelpRepository repository = new MongoSavedHelpRepository(connect(server.connectionString()), Durability.none());
      join(repository.createIndexes());

      assertEquals(new Saved(List.of(), 0), join(repository.find("ash")));
      assertTrue(join(repository.replace("ash", 0, List.of(card("samaritans")))));
      assertFalse(join(repository.replace("ash", 0, List.of(card("shelter")))), "someone else made the first list");
      assertTrue(join(repository.replace("ash", 1, List.of(card("samaritans"), card("shelter")))));
      assertFalse(join(repository.replace("ash", 1, List.of(card("nhs-111")))), "read before the last save");

      Saved saved = join(repository.find("ash"));
      assertEquals(2, saved.version());
      assertEquals(List.of("samaritans", "shelter"), saved.cards().stream().map(SavedCard::entryId).toList());
    }
  }

  @Test
  @DisplayName("of many saves racing from the same version exactly one is written")
  void oneOfManyRacingSavesWins() {
    try (EmbeddedStore server = EmbeddedStore.start(storeFile())) {
      MongoSavedHelpRepository repository = new MongoSavedHelpRepository(connect(server.connectionString()), Durability.none());
      join(repository.createIndexes());
      List<Future<Boolean>> racing = new ArrayList<>();
      IntStream.range(0, 8).forEach(i -> racing.add(repository.replace("bo", 0, List.of(card("entry-" + i)))));
      join(Future.join(racing));

      assertEquals(1, racing.stream().filter(f -> f.succeeded() && f.result()).count());
      assertEquals(1, join(repository.find("bo")).version());
    }
  }

  @Test
  @DisplayName("reads a list saved before versions were kept as version 0, and replaces it at that version")
  void olderListsWithoutVersion() {
    try (EmbeddedStore server = EmbeddedStore.start(storeFile())) {
      MongoSavedHelpRepository repository = new MongoSavedHelpRepository(connect(server.connectionString()), Durability.none());
      join(mongo.insert(MongoSavedHelpRepository.COLLECTION, new JsonObject().put("_id", "cy").put("cards", new JsonArray())));

      assertEquals(0, join(repository.find("cy")).version());
      assertTrue(join(repository.replace("cy", 0, List.of(card("samaritans")))));
      assertEquals(1, join(repository.find("cy")).cards().size());
    }
  }

  private static SavedCard card(String entryId) {
    return new SavedCard(entryId, 1, new JsonObject().put("id", entryId).put("name", entryId), Instant.parse("2026-11-25T21:00:00Z"));
  }
}
