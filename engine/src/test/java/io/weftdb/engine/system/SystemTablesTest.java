package io.weftdb.engine.system;

import static io.weftdb.engine.system.CatalogFixture.CATALOG;
import static io.weftdb.engine.system.CatalogFixture.DATABASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weftdb.engine.catalog.Catalog;
import io.weftdb.engine.plan.NameContext;
import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemTablesTest {
    private static final String DEFAULT_PATH = "\"$user\", public";

    /** The rows of a catalog relation as column name to value, for the fixture's schema. */
    private static List<Map<String, Object>> rows(String schema, String name, String searchPath) {
        SystemTable table = SystemTables.find(schema, name);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] values : table.rows(CatalogFixture.context(searchPath))) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                row.put(table.columns().get(i).name(), values[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> rows(String schema, String name) {
        return rows(schema, name, DEFAULT_PATH);
    }

    /** The named columns of each row, joined by "|". */
    private static List<String> columns(List<Map<String, Object>> rows, String... names) {
        List<String> result = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<String> values = new ArrayList<>();
            for (String name : names) {
                values.add(String.valueOf(row.get(name)));
            }
            result.add(String.join("|", values));
        }
        return result;
    }

    private static List<Map<String, Object>> userRelations(List<Map<String, Object>> rows, String namespaceColumn) {
        return rows.stream().filter(row -> List.of(1001L, 1002L).contains(row.get(namespaceColumn))).toList();
    }

    @Test
    void pgClassListsTablesIndexesAndSequencesButNotTheHiddenRowIdIndex() {
        assertThat(columns(userRelations(rows("pg_catalog", "pg_class"), "relnamespace"), "oid", "relname",
                "relnamespace", "relkind", "relam", "relnatts", "relhasindex", "relchecks"))
                .containsExactlyInAnyOrder("1010|customer|1001|r|2|3|true|0", "1011|customer_pkey|1001|i|403|1|false|0",
                        "1012|customer_name|1001|i|403|1|false|0", "1020|audit|1001|r|2|1|false|1",
                        "1030|customer_id_seq|1001|S|0|3|false|0", "1040|customer|1002|r|2|1|false|0");
    }

    @Test
    void pgClassAndPgAttributeDescribeTheCatalogRelationsThemselves() {
        assertThat(columns(rows("pg_catalog", "pg_class").stream().filter(r -> r.get("relname").equals("pg_class")).toList(),
                "oid", "relnamespace", "relkind")).containsExactly("1259|11|r");
        assertThat(columns(rows("pg_catalog", "pg_attribute").stream().filter(r -> r.get("attrelid").equals(1259L)
                && (Long) r.get("attnum") <= 3).toList(), "attname", "atttypid", "attnum"))
                .containsExactly("oid|26|1", "relname|19|2", "relnamespace|26|3");
    }

    @Test
    void pgAttributeNumbersColumnsByTheirIdsWithPostgresqlTypeOidsAndModifiers() {
        assertThat(columns(rows("pg_catalog", "pg_attribute").stream().filter(r -> r.get("attrelid").equals(1010L)).toList(),
                "attname", "attnum", "atttypid", "atttypmod", "attlen", "attnotnull", "atthasdef", "attcollation"))
                .containsExactly("id|1|23|-1|4|true|false|0", "name|2|1043|24|-1|true|true|100",
                        "parent|3|23|-1|4|false|false|0");
    }

    @Test
    void pgAttrdefShowsDefaultsAsPostgresqlDeparsesThem() {
        assertThat(columns(rows("pg_catalog", "pg_attrdef"), "adrelid", "adnum", "adbin"))
                .containsExactly("1010|2|'x'::character varying");
    }

    @Test
    void pgIndexGivesKeyColumnsAndDescendingOptions() {
        assertThat(columns(rows("pg_catalog", "pg_index"), "indexrelid", "indrelid", "indisunique", "indisprimary",
                "indkey", "indoption"))
                .containsExactlyInAnyOrder("1011|1010|true|true|[1]|[0]", "1012|1010|false|false|[2]|[3]");
    }

    @Test
    void pgConstraintListsKeysForeignKeysAndChecksWithTheirColumns() {
        assertThat(columns(rows("pg_catalog", "pg_constraint"), "conname", "contype", "conrelid", "conindid", "confrelid",
                "confdeltype", "confupdtype", "conkey", "confkey"))
                .containsExactlyInAnyOrder("customer_pkey|p|1010|1011|0| | |[1]|null",
                        "customer_parent_fkey|f|1010|1011|1010|c|a|[3]|[1]",
                        "audit_note_check|c|1020|0|0| | |[1]|null");
    }

    @Test
    void constraintDefinitionsReadLikePgGetConstraintdef() {
        SystemContext context = CatalogFixture.context(DEFAULT_PATH);
        List<String> definitions = context.constraints().stream()
                .map(constraint -> Definitions.constraintDefinition(context, constraint)).toList();

        assertThat(definitions).containsExactlyInAnyOrder("PRIMARY KEY (id)",
                "FOREIGN KEY (parent) REFERENCES customer(id) ON DELETE CASCADE", "CHECK (length(note) > 1)");
        assertThat(Definitions.indexDefinition(context, CatalogFixture.CUSTOMER, CatalogFixture.CUSTOMER.indexes().get(1)))
                .isEqualTo("CREATE INDEX customer_name ON public.customer USING btree (name DESC)");
    }

    @Test
    void aReferencedTableOffTheSearchPathIsSchemaQualified() {
        SystemContext context = CatalogFixture.context("archive");
        SystemContext.Constraint foreignKey = context.constraints().stream().filter(c -> c.type().equals("f")).findFirst()
                .orElseThrow();

        assertThat(Definitions.constraintDefinition(context, foreignKey))
                .isEqualTo("FOREIGN KEY (parent) REFERENCES public.customer(id) ON DELETE CASCADE");
    }

    @Test
    void visibilityFollowsTheSearchPathAndItsShadowing() {
        SystemContext publicFirst = CatalogFixture.context("public, archive");
        SystemContext archiveFirst = CatalogFixture.context("archive, public");

        assertThat(Visibility.isVisible(publicFirst, 1001, "customer")).isTrue();
        assertThat(Visibility.isVisible(publicFirst, 1002, "customer")).isFalse();
        assertThat(Visibility.isVisible(archiveFirst, 1002, "customer")).isTrue();
        assertThat(Visibility.isVisible(archiveFirst, 1001, "audit")).isTrue();
        assertThat(Visibility.isVisible(CatalogFixture.context("archive"), 1001, "audit")).isFalse();
        assertThat(publicFirst.effectiveSearchPath()).containsExactly(SystemOids.PG_CATALOG, 1001L, 1002L);
        assertThat(CatalogFixture.context("public, pg_catalog").effectiveSearchPath())
                .containsExactly(1001L, SystemOids.PG_CATALOG);
    }

    @Test
    void pgNamespaceListsTheSystemSchemasAndTheDatabasesSchemas() {
        assertThat(columns(rows("pg_catalog", "pg_namespace"), "oid", "nspname", "nspowner"))
                .containsExactly("11|pg_catalog|10", "13207|information_schema|10", "1001|public|10", "1002|archive|10");
    }

    @Test
    void pgTypeGivesPostgresqlsFixedOidsAndArrayTypes() {
        List<Map<String, Object>> types = rows("pg_catalog", "pg_type");

        assertThat(columns(types.stream().filter(r -> List.of("int4", "_int4", "varchar", "text").contains(r.get("typname")))
                .toList(), "oid", "typname", "typlen", "typcategory", "typelem", "typarray"))
                .containsExactly("23|int4|4|N|0|1007", "25|text|-1|S|0|1009", "1043|varchar|-1|S|0|1015",
                        "1007|_int4|-1|A|23|0");
    }

    @Test
    void formatTypeSpellsTypesWithTheirModifiers() {
        assertThat(SystemTypes.format(1043, 24L)).isEqualTo("character varying(20)");
        assertThat(SystemTypes.format(1043, null)).isEqualTo("character varying");
        assertThat(SystemTypes.format(1700, (long) ((10 << 16) | 2) + 4)).isEqualTo("numeric(10,2)");
        assertThat(SystemTypes.format(1007, -1L)).isEqualTo("integer[]");
        assertThat(SystemTypes.format(1184, -1L)).isEqualTo("timestamp with time zone");
        assertThat(SystemTypes.format(99999, -1L)).isNull();
    }

    @Test
    void informationSchemaColumnsUsesStandardTypeNamesAndLengths() {
        assertThat(columns(rows("information_schema", "columns").stream().filter(r -> r.get("table_schema").equals("public"))
                .toList(), "table_name", "column_name", "ordinal_position", "data_type", "character_maximum_length",
                "numeric_precision", "is_nullable", "column_default", "udt_name"))
                .containsExactly("customer|id|1|integer|null|32|NO|null|int4",
                        "customer|name|2|character varying|20|null|NO|'x'::character varying|varchar",
                        "customer|parent|3|integer|null|32|YES|null|int4", "audit|note|1|text|null|null|YES|null|text");
    }

    @Test
    void informationSchemaDescribesCatalogColumnsWithTheirDeclaredTypes() {
        assertThat(columns(rows("information_schema", "columns").stream().filter(r -> r.get("table_name").equals("pg_index")
                && (Long) r.get("ordinal_position") <= 2 || r.get("table_name").equals("pg_class")
                && r.get("column_name").equals("relname")).toList(), "table_name", "column_name", "data_type", "udt_name"))
                .containsExactly("pg_class|relname|name|name", "pg_index|indexrelid|oid|oid", "pg_index|indrelid|oid|oid");
    }

    @Test
    void informationSchemaTableConstraintsIncludeNotNullChecks() {
        assertThat(columns(rows("information_schema", "table_constraints").stream()
                .filter(r -> r.get("table_name").equals("customer") && r.get("table_schema").equals("public")).toList(),
                "constraint_name", "constraint_type"))
                .containsExactly("customer_pkey|PRIMARY KEY", "customer_parent_fkey|FOREIGN KEY", "1001_1010_1_not_null|CHECK",
                        "1001_1010_2_not_null|CHECK");
    }

    @Test
    void pgDependTiesAnOwnedSequenceToItsColumn() {
        assertThat(columns(rows("pg_catalog", "pg_depend"), "classid", "objid", "refobjid", "refobjsubid", "deptype"))
                .containsExactly("1259|1030|1010|1|a");
    }

    @Test
    void unqualifiedNamesFindPgCatalogFirstUnlessTheSearchPathPlacesIt() {
        NameContext defaultPath = new NameContext(CATALOG, DATABASE, List.of("$user", "public"), "alice");
        NameContext catalogLast = new NameContext(CATALOG, DATABASE, List.of("public", "pg_catalog"), "alice");

        assertThat(SystemTables.resolve(defaultPath, QualifiedName.of("pg_class"), 0).oid()).isEqualTo(1259);
        assertThat(SystemTables.resolve(defaultPath, QualifiedName.of("customer"), 0)).isNull();
        assertThat(SystemTables.resolve(defaultPath, QualifiedName.of("tables"), 0)).isNull();
        assertThat(SystemTables.resolve(defaultPath, QualifiedName.of("information_schema", "tables"), 0).name())
                .isEqualTo("tables");
        assertThat(SystemTables.resolve(defaultPath, QualifiedName.of("public", "pg_class"), 0)).isNull();
        assertThat(SystemTables.resolve(catalogLast, QualifiedName.of("pg_class"), 0).oid()).isEqualTo(1259);
    }

    @Test
    void aMissingRelationQualifiedByASystemSchemaIsAnUndefinedTable() {
        NameContext names = new NameContext(CATALOG, DATABASE, List.of("public"), "alice");

        assertThatThrownBy(() -> SystemTables.resolve(names, QualifiedName.of("pg_catalog", "pg_nosuch"), 7))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNDEFINED_TABLE);
                    assertThat(e.getMessage()).contains("relation \"pg_catalog.pg_nosuch\" does not exist");
                });
    }

    @Test
    void aUserRelationBeforePgCatalogOnTheSearchPathHidesTheCatalogRelation() {
        Catalog shadowing = CATALOG.with(CatalogFixture.singleColumnTable(1050, CatalogFixture.PUBLIC, "pg_type"));

        assertThat(SystemTables.resolve(new NameContext(shadowing, DATABASE, List.of("public", "pg_catalog"), "alice"),
                QualifiedName.of("pg_type"), 0)).isNull();
        assertThat(SystemTables.resolve(new NameContext(shadowing, DATABASE, List.of("pg_catalog", "public"), "alice"),
                QualifiedName.of("pg_type"), 0).oid()).isEqualTo(1247);
        assertThat(SystemTables.resolve(new NameContext(shadowing, DATABASE, List.of("public"), "alice"),
                QualifiedName.of("pg_type"), 0).oid()).isEqualTo(1247);
    }

    @Test
    void everyRelationHasPostgresqlsColumnNamesAndAnOid() {
        for (SystemTable table : SystemTables.all()) {
            assertThat(table.columns()).as(table.name()).isNotEmpty();
            assertThat(table.oid()).as(table.name()).isPositive();
        }
        assertThat(SystemTables.all()).extracting(SystemTable::name)
                .contains("pg_class", "pg_attribute", "pg_type", "pg_index", "pg_constraint", "pg_attrdef", "pg_namespace",
                        "pg_database", "pg_roles", "pg_settings", "pg_stat_activity", "pg_proc", "tables", "columns",
                        "key_column_usage", "referential_constraints");
    }
}
