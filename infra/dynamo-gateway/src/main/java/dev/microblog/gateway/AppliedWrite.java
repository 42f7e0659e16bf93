package dev.microblog.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One item write the gateway applied, as DynamoDB would bill it: the item before and after (in
 * DynamoDB JSON, null when absent) and whether it was part of a transaction (billed double). A
 * write that left the item as it was is still reported: DynamoDB charges for it. TTL deletes are
 * not: they are free.
 */
public record AppliedWrite(
    String table, ObjectNode oldImage, ObjectNode newImage, boolean transactional) {}
