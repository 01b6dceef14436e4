package uk.harbour.store;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import uk.harbour.store.embedded.TestStores;
import uk.harbour.store.embedded.TestStores.CrashableStore;

@DisplayName("The store contract, on Harbour's embedded backend")
class HarbourStoreContractTest extends StoreContract {

  @Override
  CrashableStore open(Path file) {
    return TestStores.harbour(file);
  }
}
