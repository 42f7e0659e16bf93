package dev.microblog.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The in-memory log keeps the newest records once past its cap, in sequence order. */
class StreamLogTest {
  @Test
  void pastTheCapTheOldestRecordsGoAndReadingGoesOnFromTheOldestKept() {
    AtomicLong sequence = new AtomicLong(100);
    StreamLog log = new StreamLog("t", "label", "arn", "KEYS_ONLY", 0, sequence.get(), 10);

    for (int i = 0; i < 30; i++) {
      log.append(sequence::incrementAndGet, number -> Json.object().put("n", number));
    }

    assertThat(log.size()).isBetween(10, 11);
    assertThat(log.lastSequence()).isEqualTo(130);
    assertThat(log.after(0, 1000))
        .extracting(StreamLog.Entry::sequence)
        .endsWith(129L, 130L)
        .isSorted()
        .hasSize(log.size());
    assertThat(log.firstSequence()).isEqualTo(log.after(0, 1).getFirst().sequence());
    assertThat(log.after(127, 2)).extracting(StreamLog.Entry::sequence).containsExactly(128L, 129L);
    assertThat(log.after(130, 10)).isEmpty();
  }
}
