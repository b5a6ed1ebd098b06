package io.weftdb.engine.ddl;

import io.weftdb.engine.CommandResult;
import io.weftdb.engine.catalog.CatalogObject;
import io.weftdb.engine.catalog.SchemaDef;
import io.weftdb.engine.catalog.SequenceDef;
import io.weftdb.engine.txn.LockKey;
import io.weftdb.engine.txn.LockManager;
import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.stmt.SchemaChange;
import io.weftdb.ir.type.DataType;

/** CREATE SEQUENCE and DROP SEQUENCE, with PostgreSQL's defaults and option checks. */
final class SequenceDdl {
    private final DdlContext context;

    SequenceDdl(DdlContext context) {
        this.context = context;
    }

    /** A sequence definition from options, applying PostgreSQL's defaults for the type and direction. */
    static SequenceDef sequence(long id, long schemaId, String name, DataType requestedType,
                                SchemaChange.SequenceOptions options, long ownerTableId, int ownerColumnId) {
        DataType type = options.type() != null ? options.type() : requestedType;
        if (!type.kind().isInteger()) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "sequence type must be smallint, integer, or bigint");
        }
        long typeMax = switch (type.kind()) {
            case SMALLINT -> Short.MAX_VALUE;
            case INTEGER -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        long typeMin = switch (type.kind()) {
            case SMALLINT -> Short.MIN_VALUE;
            case INTEGER -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
        long increment = options.increment() != null ? options.increment() : 1;
        if (increment == 0) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "INCREMENT must not be zero");
        }
        long min = options.minValue() != null ? options.minValue() : increment > 0 ? 1 : typeMin;
        long max = options.maxValue() != null ? options.maxValue() : increment > 0 ? typeMax : -1;
        if (min < typeMin || max > typeMax) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "MINVALUE/MAXVALUE is out of range for sequence data type "
                    + type.sqlName());
        }
        if (min >= max) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "MINVALUE (" + min + ") must be less than MAXVALUE (" + max + ")");
        }
        long start = options.start() != null ? options.start() : increment > 0 ? min : max;
        if (start < min || start > max) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "START value (" + start + ") cannot be "
                    + (start < min ? "less than MINVALUE (" + min + ")" : "greater than MAXVALUE (" + max + ")"));
        }
        long cache = options.cache() != null ? options.cache() : 1;
        if (cache < 1) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "CACHE (" + cache + ") must be greater than zero");
        }
        return new SequenceDef(id, schemaId, name, type, increment, min, max, start, cache,
                options.cycle() != null && options.cycle(), ownerTableId, ownerColumnId);
    }

    CommandResult create(SchemaChange.CreateSequence create) {
        SchemaDef schema = context.currentNames().schemaForCreate(create.name(), 0);
        context.environment().lock(LockKey.name(schema.id(), create.name().name()), LockManager.Mode.EXCLUSIVE);
        if (context.environment().catalog().relation(schema.id(), create.name().name()) != null) {
            if (create.ifNotExists()) {
                context.notice("relation \"" + create.name().name() + "\" already exists, skipping");
                return CommandResult.of("CREATE SEQUENCE");
            }
            throw new SqlException(ErrorCode.DUPLICATE_TABLE, "relation \"" + create.name().name() + "\" already exists");
        }
        SequenceDef sequence = sequence(context.environment().sequences().allocateObjectId(), schema.id(), create.name().name(),
                DataType.BIGINT, create.options(), 0, 0);
        context.environment().transaction().putCatalogObject(sequence);
        return CommandResult.of("CREATE SEQUENCE");
    }

    CommandResult drop(SchemaChange.DropSequence drop) {
        for (QualifiedName name : drop.names()) {
            CatalogObject relation = context.currentNames().findRelation(name, 0);
            if (!(relation instanceof SequenceDef sequence)) {
                if (relation == null && drop.ifExists()) {
                    context.notice("sequence \"" + name.name() + "\" does not exist, skipping");
                    continue;
                }
                if (relation == null) {
                    throw new SqlException(ErrorCode.UNDEFINED_TABLE, "sequence \"" + name.name() + "\" does not exist");
                }
                throw new SqlException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + name.name() + "\" is not a sequence");
            }
            if (sequence.ownerTableId() != 0 && !drop.cascade()) {
                var owner = context.environment().catalog().table(sequence.ownerTableId());
                throw new SqlException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop sequence " + sequence.name()
                        + " because other objects depend on it", 0, "default value for column of table "
                        + (owner == null ? "?" : owner.name()) + " depends on sequence " + sequence.name(),
                        "Use DROP ... CASCADE to drop the dependent objects too.", null);
            }
            context.environment().transaction().removeCatalogObject(sequence.id());
            context.environment().transaction().afterCommit(() -> context.environment().sequences().forget(sequence.id()));
        }
        return CommandResult.of("DROP SEQUENCE");
    }
}
