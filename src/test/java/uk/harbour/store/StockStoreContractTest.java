package uk.harbour.store;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import uk.harbour.store.embedded.TestStores;
import uk.harbour.store.embedded.TestStores.CrashableStore;

/** The reference: mongo-java-server's H2 backend as the library ships it answers the contract too. */
@DisplayName("The store contract, on mongo-java-server's stock H2 backend")
class StockStoreContractTest extends StoreContract {

  @Override
  CrashableStore open(Path file) {
    return TestStores.stock(file);
  }
}
