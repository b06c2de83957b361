package dev.paperboy.store;

import dev.paperboy.core.digest.Delivery;
import dev.paperboy.core.digest.DeliveryStatus;
import dev.paperboy.core.digest.EditionId;
import dev.paperboy.core.digest.SubscriptionId;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.mail.MessageId;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads {@code digest_delivery} rows selected with {@link #COLUMNS}. */
final class DeliveryRows {
  static final String COLUMNS =
      "d.edition_id, d.subscription_id, d.email, d.message_id, d.status, d.attempts, d.due_at,"
          + " d.last_error, d.content, d.created_at, d.sent_at";

  /** Columns read by {@link #read}; further columns of a query start after these. */
  static final int COUNT = 11;

  private DeliveryRows() {}

  static Delivery read(ResultSet rs, Dialect dialect) throws SQLException {
    EditionId edition = new EditionId(rs.getString(1));
    SubscriptionId sub = new SubscriptionId(rs.getString(2));
    return new Delivery(
        edition,
        sub,
        new EmailAddress(rs.getString(3)),
        MessageId.parse(rs.getString(4)),
        DeliveryStatus.parse(rs.getString(5)),
        rs.getInt(6),
        dialect.getInstant(rs, 7),
        rs.getString(8),
        DigestContentJson.read(rs.getString(9), "digest_delivery " + edition + "/" + sub),
        dialect.getInstant(rs, 10),
        dialect.getInstant(rs, 11));
  }
}
