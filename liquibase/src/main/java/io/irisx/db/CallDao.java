package io.irisx.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface CallDao {
  /** Inserts a new outbound call as {@code queued}; a second insert of the same id does nothing. */
  void insertQueued(UUID id, UUID tenantId, String from, String to, String flow, Instant createdAt);

  Optional<CallRow> find(UUID tenantId, UUID id);

  /** Newest first; the page after the (createdAt, id) cursor when one is given. */
  List<CallRow> listNewestFirst(UUID tenantId, Instant cursorCreatedAt, UUID cursorId, int limit);

  /** Moves a call to a status reached at {@code at}; never moves a call out of a final status. */
  void updateStatus(UUID id, String status, Instant at, String nodeId, String channelUuid);

  /** Writes the final CDR; writing the same record twice leaves one identical row. */
  void writeCdr(CallCompletion completion);
}
