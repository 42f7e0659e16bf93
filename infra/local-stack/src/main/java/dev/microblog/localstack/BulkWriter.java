package dev.microblog.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Puts many items with BatchWriteItem, 25 at a time (DynamoDB's limit) from a few threads, sending
 * unprocessed items again. For loading benchmark data only: nothing is conditional. The one class
 * of the stack besides the store that writes to the table (ArchitectureTest lets it).
 */
final class BulkWriter implements AutoCloseable {
  static final int BATCH = 25;

  private final DynamoDbClient dynamo;
  private final String table;
  private final ExecutorService threads;

  BulkWriter(DynamoDbClient dynamo, String table, int parallelism) {
    this.dynamo = dynamo;
    this.table = table;
    this.threads = Executors.newFixedThreadPool(parallelism);
  }

  void putAll(List<Map<String, AttributeValue>> items) throws Exception {
    List<Future<?>> sent = new ArrayList<>();
    for (int from = 0; from < items.size(); from += BATCH) {
      List<Map<String, AttributeValue>> chunk =
          items.subList(from, Math.min(items.size(), from + BATCH));
      sent.add(threads.submit(() -> put(chunk)));
    }
    for (Future<?> f : sent) {
      f.get();
    }
  }

  /** One UpdateItem: counters the loaded items imply. */
  void update(
      Map<String, AttributeValue> key, String expression, Map<String, AttributeValue> values) {
    dynamo.updateItem(
        b ->
            b.tableName(table)
                .key(key)
                .updateExpression(expression)
                .expressionAttributeValues(values));
  }

  private void put(List<Map<String, AttributeValue>> chunk) {
    List<WriteRequest> requests =
        chunk.stream()
            .map(i -> WriteRequest.builder().putRequest(PutRequest.builder().item(i).build()))
            .map(WriteRequest.Builder::build)
            .toList();
    Map<String, List<WriteRequest>> pending = Map.of(table, requests);
    while (!pending.isEmpty()) {
      Map<String, List<WriteRequest>> request = pending;
      pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
