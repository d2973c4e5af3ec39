package org.secondshift.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/**
 * Everything stored for one workspace, erased when the app is uninstalled from it. The tables come
 * from the database's own catalogue (every table with a {@code team_id} column), so a table added
 * later cannot be missed; the installation goes in the same transaction.
 */
public final class TeamData {
  private final Database db;

  public TeamData(Database db) {
    this.db = db;
  }

  /** Deletes every row of the team in every table, then makes the space unreadable; rows gone. */
  public int erase(String teamId) {
    int rows =
        db.write(
            h -> {
              int erased = 0;
              for (String table : tablesWithTeamId(h)) {
                erased +=
                    h.createUpdate("DELETE FROM \"" + table + "\" WHERE team_id = :teamId")
                        .bind("teamId", teamId)
                        .execute();
              }
              return erased;
            });
    db.checkpoint();
    return rows;
  }

  private static List<String> tablesWithTeamId(Handle h) {
    List<String> tables = new ArrayList<>();
    try {
      Connection c = h.getConnection();
      try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), "%", "team_id")) {
        while (rs.next()) {
          String table = rs.getString("TABLE_NAME");
          if (!tables.contains(table) && !table.toLowerCase(Locale.ROOT).startsWith("qrtz_")) {
            tables.add(table);
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException("could not list the tables to erase a workspace from", e);
    }
    if (tables.isEmpty()) {
      throw new StoreException("found no table with a team_id column to erase from", null);
    }
    return tables;
  }
}
