package com.medicarewizard.runtime.sqs;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What ElasticMQ's H2 store holds before a start: how many queues and messages it will restore.
 * ElasticMQ 1.7 restores them asynchronously after its HTTP endpoint is up, so the server waits
 * until the endpoint shows them all before letting clients in.
 *
 * @param queues the queues stored
 * @param messages the messages stored, over all queues
 */
record StoredContents(int queues, long messages) {

    static StoredContents read(String jdbcUrl) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "", "");
             Statement statement = connection.createStatement()) {
            List<String> tables = tables(statement);
            int queues = tables.contains("QUEUE") ? (int) count(statement, "QUEUE") : 0;
            long messages = 0;
            for (String table : tables) {
                if (table.startsWith("MESSAGE_")) {
                    messages += count(statement, table);
                }
            }
            return new StoredContents(queues, messages);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the SQS message store " + jdbcUrl, e);
        }
    }

    private static List<String> tables(Statement statement) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(
                "select table_name from information_schema.tables where table_schema = 'PUBLIC'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static long count(Statement statement, String table) throws SQLException {
        try (ResultSet rs = statement.executeQuery("select count(*) from \"" + table.replace("\"", "") + "\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
