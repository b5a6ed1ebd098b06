package io.weftdb.engine.system;

import java.util.Map;

/**
 * The columns of each catalog relation as PostgreSQL 15 defines them (names and types as
 * format_type spells them, in attnum order), and its pg_class oid and kind in a fresh cluster.
 */
final class CatalogColumns {
    /** A relation's PostgreSQL oid, whether it is a view, and its column list. */
    record Definition(long oid, boolean view, String columns) {}

    private static final Map<String, Definition> DEFINITIONS = Map.ofEntries(
            Map.entry("information_schema.columns", new Definition(13295, true,
                    "table_catalog information_schema.sql_identifier,"
                    + " table_schema information_schema.sql_identifier,"
                    + " table_name information_schema.sql_identifier,"
                    + " column_name information_schema.sql_identifier,"
                    + " ordinal_position information_schema.cardinal_number,"
                    + " column_default information_schema.character_data,"
                    + " is_nullable information_schema.yes_or_no, data_type information_schema.character_data,"
                    + " character_maximum_length information_schema.cardinal_number,"
                    + " character_octet_length information_schema.cardinal_number,"
                    + " numeric_precision information_schema.cardinal_number,"
                    + " numeric_precision_radix information_schema.cardinal_number,"
                    + " numeric_scale information_schema.cardinal_number,"
                    + " datetime_precision information_schema.cardinal_number,"
                    + " interval_type information_schema.character_data,"
                    + " interval_precision information_schema.cardinal_number,"
                    + " character_set_catalog information_schema.sql_identifier,"
                    + " character_set_schema information_schema.sql_identifier,"
                    + " character_set_name information_schema.sql_identifier,"
                    + " collation_catalog information_schema.sql_identifier,"
                    + " collation_schema information_schema.sql_identifier,"
                    + " collation_name information_schema.sql_identifier,"
                    + " domain_catalog information_schema.sql_identifier,"
                    + " domain_schema information_schema.sql_identifier,"
                    + " domain_name information_schema.sql_identifier,"
                    + " udt_catalog information_schema.sql_identifier,"
                    + " udt_schema information_schema.sql_identifier, udt_name information_schema.sql_identifier,"
                    + " scope_catalog information_schema.sql_identifier,"
                    + " scope_schema information_schema.sql_identifier,"
                    + " scope_name information_schema.sql_identifier,"
                    + " maximum_cardinality information_schema.cardinal_number,"
                    + " dtd_identifier information_schema.sql_identifier,"
                    + " is_self_referencing information_schema.yes_or_no,"
                    + " is_identity information_schema.yes_or_no,"
                    + " identity_generation information_schema.character_data,"
                    + " identity_start information_schema.character_data,"
                    + " identity_increment information_schema.character_data,"
                    + " identity_maximum information_schema.character_data,"
                    + " identity_minimum information_schema.character_data,"
                    + " identity_cycle information_schema.yes_or_no,"
                    + " is_generated information_schema.character_data,"
                    + " generation_expression information_schema.character_data,"
                    + " is_updatable information_schema.yes_or_no")),
            Map.entry("information_schema.constraint_column_usage", new Definition(13300, true,
                    "table_catalog information_schema.sql_identifier,"
                    + " table_schema information_schema.sql_identifier,"
                    + " table_name information_schema.sql_identifier,"
                    + " column_name information_schema.sql_identifier,"
                    + " constraint_catalog information_schema.sql_identifier,"
                    + " constraint_schema information_schema.sql_identifier,"
                    + " constraint_name information_schema.sql_identifier")),
            Map.entry("information_schema.key_column_usage", new Definition(13329, true,
                    "constraint_catalog information_schema.sql_identifier,"
                    + " constraint_schema information_schema.sql_identifier,"
                    + " constraint_name information_schema.sql_identifier,"
                    + " table_catalog information_schema.sql_identifier,"
                    + " table_schema information_schema.sql_identifier,"
                    + " table_name information_schema.sql_identifier,"
                    + " column_name information_schema.sql_identifier,"
                    + " ordinal_position information_schema.cardinal_number,"
                    + " position_in_unique_constraint information_schema.cardinal_number")),
            Map.entry("information_schema.referential_constraints", new Definition(13339, true,
                    "constraint_catalog information_schema.sql_identifier,"
                    + " constraint_schema information_schema.sql_identifier,"
                    + " constraint_name information_schema.sql_identifier,"
                    + " unique_constraint_catalog information_schema.sql_identifier,"
                    + " unique_constraint_schema information_schema.sql_identifier,"
                    + " unique_constraint_name information_schema.sql_identifier,"
                    + " match_option information_schema.character_data,"
                    + " update_rule information_schema.character_data,"
                    + " delete_rule information_schema.character_data")),
            Map.entry("information_schema.routines", new Definition(13377, true,
                    "specific_catalog information_schema.sql_identifier,"
                    + " specific_schema information_schema.sql_identifier,"
                    + " specific_name information_schema.sql_identifier,"
                    + " routine_catalog information_schema.sql_identifier,"
                    + " routine_schema information_schema.sql_identifier,"
                    + " routine_name information_schema.sql_identifier,"
                    + " routine_type information_schema.character_data,"
                    + " module_catalog information_schema.sql_identifier,"
                    + " module_schema information_schema.sql_identifier,"
                    + " module_name information_schema.sql_identifier,"
                    + " udt_catalog information_schema.sql_identifier,"
                    + " udt_schema information_schema.sql_identifier, udt_name information_schema.sql_identifier,"
                    + " data_type information_schema.character_data,"
                    + " character_maximum_length information_schema.cardinal_number,"
                    + " character_octet_length information_schema.cardinal_number,"
                    + " character_set_catalog information_schema.sql_identifier,"
                    + " character_set_schema information_schema.sql_identifier,"
                    + " character_set_name information_schema.sql_identifier,"
                    + " collation_catalog information_schema.sql_identifier,"
                    + " collation_schema information_schema.sql_identifier,"
                    + " collation_name information_schema.sql_identifier,"
                    + " numeric_precision information_schema.cardinal_number,"
                    + " numeric_precision_radix information_schema.cardinal_number,"
                    + " numeric_scale information_schema.cardinal_number,"
                    + " datetime_precision information_schema.cardinal_number,"
                    + " interval_type information_schema.character_data,"
                    + " interval_precision information_schema.cardinal_number,"
                    + " type_udt_catalog information_schema.sql_identifier,"
                    + " type_udt_schema information_schema.sql_identifier,"
                    + " type_udt_name information_schema.sql_identifier,"
                    + " scope_catalog information_schema.sql_identifier,"
                    + " scope_schema information_schema.sql_identifier,"
                    + " scope_name information_schema.sql_identifier,"
                    + " maximum_cardinality information_schema.cardinal_number,"
                    + " dtd_identifier information_schema.sql_identifier,"
                    + " routine_body information_schema.character_data,"
                    + " routine_definition information_schema.character_data,"
                    + " external_name information_schema.character_data,"
                    + " external_language information_schema.character_data,"
                    + " parameter_style information_schema.character_data,"
                    + " is_deterministic information_schema.yes_or_no,"
                    + " sql_data_access information_schema.character_data,"
                    + " is_null_call information_schema.yes_or_no, sql_path information_schema.character_data,"
                    + " schema_level_routine information_schema.yes_or_no,"
                    + " max_dynamic_result_sets information_schema.cardinal_number,"
                    + " is_user_defined_cast information_schema.yes_or_no,"
                    + " is_implicitly_invocable information_schema.yes_or_no,"
                    + " security_type information_schema.character_data,"
                    + " to_sql_specific_catalog information_schema.sql_identifier,"
                    + " to_sql_specific_schema information_schema.sql_identifier,"
                    + " to_sql_specific_name information_schema.sql_identifier,"
                    + " as_locator information_schema.yes_or_no, created information_schema.time_stamp,"
                    + " last_altered information_schema.time_stamp,"
                    + " new_savepoint_level information_schema.yes_or_no,"
                    + " is_udt_dependent information_schema.yes_or_no,"
                    + " result_cast_from_data_type information_schema.character_data,"
                    + " result_cast_as_locator information_schema.yes_or_no,"
                    + " result_cast_char_max_length information_schema.cardinal_number,"
                    + " result_cast_char_octet_length information_schema.cardinal_number,"
                    + " result_cast_char_set_catalog information_schema.sql_identifier,"
                    + " result_cast_char_set_schema information_schema.sql_identifier,"
                    + " result_cast_char_set_name information_schema.sql_identifier,"
                    + " result_cast_collation_catalog information_schema.sql_identifier,"
                    + " result_cast_collation_schema information_schema.sql_identifier,"
                    + " result_cast_collation_name information_schema.sql_identifier,"
                    + " result_cast_numeric_precision information_schema.cardinal_number,"
                    + " result_cast_numeric_precision_radix information_schema.cardinal_number,"
                    + " result_cast_numeric_scale information_schema.cardinal_number,"
                    + " result_cast_datetime_precision information_schema.cardinal_number,"
                    + " result_cast_interval_type information_schema.character_data,"
                    + " result_cast_interval_precision information_schema.cardinal_number,"
                    + " result_cast_type_udt_catalog information_schema.sql_identifier,"
                    + " result_cast_type_udt_schema information_schema.sql_identifier,"
                    + " result_cast_type_udt_name information_schema.sql_identifier,"
                    + " result_cast_scope_catalog information_schema.sql_identifier,"
                    + " result_cast_scope_schema information_schema.sql_identifier,"
                    + " result_cast_scope_name information_schema.sql_identifier,"
                    + " result_cast_maximum_cardinality information_schema.cardinal_number,"
                    + " result_cast_dtd_identifier information_schema.sql_identifier")),
            Map.entry("information_schema.schemata", new Definition(13382, true,
                    "catalog_name information_schema.sql_identifier,"
                    + " schema_name information_schema.sql_identifier,"
                    + " schema_owner information_schema.sql_identifier,"
                    + " default_character_set_catalog information_schema.sql_identifier,"
                    + " default_character_set_schema information_schema.sql_identifier,"
                    + " default_character_set_name information_schema.sql_identifier,"
                    + " sql_path information_schema.character_data")),
            Map.entry("information_schema.sequences", new Definition(13386, true,
                    "sequence_catalog information_schema.sql_identifier,"
                    + " sequence_schema information_schema.sql_identifier,"
                    + " sequence_name information_schema.sql_identifier,"
                    + " data_type information_schema.character_data,"
                    + " numeric_precision information_schema.cardinal_number,"
                    + " numeric_precision_radix information_schema.cardinal_number,"
                    + " numeric_scale information_schema.cardinal_number,"
                    + " start_value information_schema.character_data,"
                    + " minimum_value information_schema.character_data,"
                    + " maximum_value information_schema.character_data,"
                    + " increment information_schema.character_data, cycle_option information_schema.yes_or_no")),
            Map.entry("information_schema.table_constraints", new Definition(13411, true,
                    "constraint_catalog information_schema.sql_identifier,"
                    + " constraint_schema information_schema.sql_identifier,"
                    + " constraint_name information_schema.sql_identifier,"
                    + " table_catalog information_schema.sql_identifier,"
                    + " table_schema information_schema.sql_identifier,"
                    + " table_name information_schema.sql_identifier,"
                    + " constraint_type information_schema.character_data,"
                    + " is_deferrable information_schema.yes_or_no,"
                    + " initially_deferred information_schema.yes_or_no, enforced information_schema.yes_or_no,"
                    + " nulls_distinct information_schema.yes_or_no")),
            Map.entry("information_schema.tables", new Definition(13425, true,
                    "table_catalog information_schema.sql_identifier,"
                    + " table_schema information_schema.sql_identifier,"
                    + " table_name information_schema.sql_identifier,"
                    + " table_type information_schema.character_data,"
                    + " self_referencing_column_name information_schema.sql_identifier,"
                    + " reference_generation information_schema.character_data,"
                    + " user_defined_type_catalog information_schema.sql_identifier,"
                    + " user_defined_type_schema information_schema.sql_identifier,"
                    + " user_defined_type_name information_schema.sql_identifier,"
                    + " is_insertable_into information_schema.yes_or_no, is_typed information_schema.yes_or_no,"
                    + " commit_action information_schema.character_data")),
            Map.entry("information_schema.views", new Definition(13483, true,
                    "table_catalog information_schema.sql_identifier,"
                    + " table_schema information_schema.sql_identifier,"
                    + " table_name information_schema.sql_identifier,"
                    + " view_definition information_schema.character_data,"
                    + " check_option information_schema.character_data, is_updatable information_schema.yes_or_no,"
                    + " is_insertable_into information_schema.yes_or_no,"
                    + " is_trigger_updatable information_schema.yes_or_no,"
                    + " is_trigger_deletable information_schema.yes_or_no,"
                    + " is_trigger_insertable_into information_schema.yes_or_no")),
            Map.entry("pg_catalog.pg_am", new Definition(2601, false,
                    "oid oid, amname name, amhandler regproc, amtype \"char\"")),
            Map.entry("pg_catalog.pg_attrdef", new Definition(2604, false,
                    "oid oid, adrelid oid, adnum smallint, adbin pg_node_tree")),
            Map.entry("pg_catalog.pg_attribute", new Definition(1249, false,
                    "attrelid oid, attname name, atttypid oid, attstattarget integer, attlen smallint,"
                    + " attnum smallint, attndims integer, attcacheoff integer, atttypmod integer,"
                    + " attbyval boolean, attalign \"char\", attstorage \"char\", attcompression \"char\","
                    + " attnotnull boolean, atthasdef boolean, atthasmissing boolean, attidentity \"char\","
                    + " attgenerated \"char\", attisdropped boolean, attislocal boolean, attinhcount integer,"
                    + " attcollation oid, attacl aclitem[], attoptions text[], attfdwoptions text[],"
                    + " attmissingval anyarray")),
            Map.entry("pg_catalog.pg_auth_members", new Definition(1261, false,
                    "roleid oid, member oid, grantor oid, admin_option boolean")),
            Map.entry("pg_catalog.pg_authid", new Definition(1260, false,
                    "oid oid, rolname name, rolsuper boolean, rolinherit boolean, rolcreaterole boolean,"
                    + " rolcreatedb boolean, rolcanlogin boolean, rolreplication boolean, rolbypassrls boolean,"
                    + " rolconnlimit integer, rolpassword text, rolvaliduntil timestamp with time zone")),
            Map.entry("pg_catalog.pg_cast", new Definition(2605, false,
                    "oid oid, castsource oid, casttarget oid, castfunc oid, castcontext \"char\","
                    + " castmethod \"char\"")),
            Map.entry("pg_catalog.pg_class", new Definition(1259, false,
                    "oid oid, relname name, relnamespace oid, reltype oid, reloftype oid, relowner oid,"
                    + " relam oid, relfilenode oid, reltablespace oid, relpages integer, reltuples real,"
                    + " relallvisible integer, reltoastrelid oid, relhasindex boolean, relisshared boolean,"
                    + " relpersistence \"char\", relkind \"char\", relnatts smallint, relchecks smallint,"
                    + " relhasrules boolean, relhastriggers boolean, relhassubclass boolean,"
                    + " relrowsecurity boolean, relforcerowsecurity boolean, relispopulated boolean,"
                    + " relreplident \"char\", relispartition boolean, relrewrite oid, relfrozenxid xid,"
                    + " relminmxid xid, relacl aclitem[], reloptions text[], relpartbound pg_node_tree")),
            Map.entry("pg_catalog.pg_collation", new Definition(3456, false,
                    "oid oid, collname name, collnamespace oid, collowner oid, collprovider \"char\","
                    + " collisdeterministic boolean, collencoding integer, collcollate text, collctype text,"
                    + " colliculocale text, collversion text")),
            Map.entry("pg_catalog.pg_constraint", new Definition(2606, false,
                    "oid oid, conname name, connamespace oid, contype \"char\", condeferrable boolean,"
                    + " condeferred boolean, convalidated boolean, conrelid oid, contypid oid, conindid oid,"
                    + " conparentid oid, confrelid oid, confupdtype \"char\", confdeltype \"char\","
                    + " confmatchtype \"char\", conislocal boolean, coninhcount integer, connoinherit boolean,"
                    + " conkey smallint[], confkey smallint[], conpfeqop oid[], conppeqop oid[], conffeqop oid[],"
                    + " confdelsetcols smallint[], conexclop oid[], conbin pg_node_tree")),
            Map.entry("pg_catalog.pg_database", new Definition(1262, false,
                    "oid oid, datname name, datdba oid, encoding integer, datlocprovider \"char\","
                    + " datistemplate boolean, datallowconn boolean, datconnlimit integer, datfrozenxid xid,"
                    + " datminmxid xid, dattablespace oid, datcollate text, datctype text, daticulocale text,"
                    + " datcollversion text, datacl aclitem[]")),
            Map.entry("pg_catalog.pg_depend", new Definition(2608, false,
                    "classid oid, objid oid, objsubid integer, refclassid oid, refobjid oid,"
                    + " refobjsubid integer, deptype \"char\"")),
            Map.entry("pg_catalog.pg_description", new Definition(2609, false,
                    "objoid oid, classoid oid, objsubid integer, description text")),
            Map.entry("pg_catalog.pg_enum", new Definition(3501, false,
                    "oid oid, enumtypid oid, enumsortorder real, enumlabel name")),
            Map.entry("pg_catalog.pg_extension", new Definition(3079, false,
                    "oid oid, extname name, extowner oid, extnamespace oid, extrelocatable boolean,"
                    + " extversion text, extconfig oid[], extcondition text[]")),
            Map.entry("pg_catalog.pg_foreign_table", new Definition(3118, false,
                    "ftrelid oid, ftserver oid, ftoptions text[]")),
            Map.entry("pg_catalog.pg_index", new Definition(2610, false,
                    "indexrelid oid, indrelid oid, indnatts smallint, indnkeyatts smallint, indisunique boolean,"
                    + " indnullsnotdistinct boolean, indisprimary boolean, indisexclusion boolean,"
                    + " indimmediate boolean, indisclustered boolean, indisvalid boolean, indcheckxmin boolean,"
                    + " indisready boolean, indislive boolean, indisreplident boolean, indkey int2vector,"
                    + " indcollation oidvector, indclass oidvector, indoption int2vector, indexprs pg_node_tree,"
                    + " indpred pg_node_tree")),
            Map.entry("pg_catalog.pg_indexes", new Definition(12043, true,
                    "schemaname name, tablename name, indexname name, tablespace name, indexdef text")),
            Map.entry("pg_catalog.pg_inherits", new Definition(2611, false,
                    "inhrelid oid, inhparent oid, inhseqno integer, inhdetachpending boolean")),
            Map.entry("pg_catalog.pg_locks", new Definition(12073, true,
                    "locktype text, database oid, relation oid, page integer, tuple smallint, virtualxid text,"
                    + " transactionid xid, classid oid, objid oid, objsubid smallint, virtualtransaction text,"
                    + " pid integer, mode text, granted boolean, fastpath boolean,"
                    + " waitstart timestamp with time zone")),
            Map.entry("pg_catalog.pg_matviews", new Definition(12038, true,
                    "schemaname name, matviewname name, matviewowner name, tablespace name, hasindexes boolean,"
                    + " ispopulated boolean, definition text")),
            Map.entry("pg_catalog.pg_namespace", new Definition(2615, false,
                    "oid oid, nspname name, nspowner oid, nspacl aclitem[]")),
            Map.entry("pg_catalog.pg_operator", new Definition(2617, false,
                    "oid oid, oprname name, oprnamespace oid, oprowner oid, oprkind \"char\","
                    + " oprcanmerge boolean, oprcanhash boolean, oprleft oid, oprright oid, oprresult oid,"
                    + " oprcom oid, oprnegate oid, oprcode regproc, oprrest regproc, oprjoin regproc")),
            Map.entry("pg_catalog.pg_policy", new Definition(3256, false,
                    "oid oid, polname name, polrelid oid, polcmd \"char\", polpermissive boolean,"
                    + " polroles oid[], polqual pg_node_tree, polwithcheck pg_node_tree")),
            Map.entry("pg_catalog.pg_proc", new Definition(1255, false,
                    "oid oid, proname name, pronamespace oid, proowner oid, prolang oid, procost real,"
                    + " prorows real, provariadic oid, prosupport regproc, prokind \"char\", prosecdef boolean,"
                    + " proleakproof boolean, proisstrict boolean, proretset boolean, provolatile \"char\","
                    + " proparallel \"char\", pronargs smallint, pronargdefaults smallint, prorettype oid,"
                    + " proargtypes oidvector, proallargtypes oid[], proargmodes \"char\"[], proargnames text[],"
                    + " proargdefaults pg_node_tree, protrftypes oid[], prosrc text, probin text,"
                    + " prosqlbody pg_node_tree, proconfig text[], proacl aclitem[]")),
            Map.entry("pg_catalog.pg_publication", new Definition(6104, false,
                    "oid oid, pubname name, pubowner oid, puballtables boolean, pubinsert boolean,"
                    + " pubupdate boolean, pubdelete boolean, pubtruncate boolean, pubviaroot boolean")),
            Map.entry("pg_catalog.pg_publication_namespace", new Definition(6237, false,
                    "oid oid, pnpubid oid, pnnspid oid")),
            Map.entry("pg_catalog.pg_publication_rel", new Definition(6106, false,
                    "oid oid, prpubid oid, prrelid oid, prqual pg_node_tree, prattrs int2vector")),
            Map.entry("pg_catalog.pg_range", new Definition(3541, false,
                    "rngtypid oid, rngsubtype oid, rngmultitypid oid, rngcollation oid, rngsubopc oid,"
                    + " rngcanonical regproc, rngsubdiff regproc")),
            Map.entry("pg_catalog.pg_rewrite", new Definition(2618, false,
                    "oid oid, rulename name, ev_class oid, ev_type \"char\", ev_enabled \"char\","
                    + " is_instead boolean, ev_qual pg_node_tree, ev_action pg_node_tree")),
            Map.entry("pg_catalog.pg_roles", new Definition(12000, true,
                    "rolname name, rolsuper boolean, rolinherit boolean, rolcreaterole boolean,"
                    + " rolcreatedb boolean, rolcanlogin boolean, rolreplication boolean, rolconnlimit integer,"
                    + " rolpassword text, rolvaliduntil timestamp with time zone, rolbypassrls boolean,"
                    + " rolconfig text[], oid oid")),
            Map.entry("pg_catalog.pg_sequence", new Definition(2224, false,
                    "seqrelid oid, seqtypid oid, seqstart bigint, seqincrement bigint, seqmax bigint,"
                    + " seqmin bigint, seqcache bigint, seqcycle boolean")),
            Map.entry("pg_catalog.pg_sequences", new Definition(12048, true,
                    "schemaname name, sequencename name, sequenceowner name, data_type regtype,"
                    + " start_value bigint, min_value bigint, max_value bigint, increment_by bigint,"
                    + " cycle boolean, cache_size bigint, last_value bigint")),
            Map.entry("pg_catalog.pg_settings", new Definition(12104, true,
                    "name text, setting text, unit text, category text, short_desc text, extra_desc text,"
                    + " context text, vartype text, source text, min_val text, max_val text, enumvals text[],"
                    + " boot_val text, reset_val text, sourcefile text, sourceline integer,"
                    + " pending_restart boolean")),
            Map.entry("pg_catalog.pg_shdescription", new Definition(2396, false,
                    "objoid oid, classoid oid, description text")),
            Map.entry("pg_catalog.pg_stat_activity", new Definition(12222, true,
                    "datid oid, datname name, pid integer, leader_pid integer, usesysid oid, usename name,"
                    + " application_name text, client_addr inet, client_hostname text, client_port integer,"
                    + " backend_start timestamp with time zone, xact_start timestamp with time zone,"
                    + " query_start timestamp with time zone, state_change timestamp with time zone,"
                    + " wait_event_type text, wait_event text, state text, backend_xid xid, backend_xmin xid,"
                    + " query_id bigint, query text, backend_type text")),
            Map.entry("pg_catalog.pg_stats", new Definition(12364, true,
                    "schemaname name, tablename name, attname name, inherited boolean, null_frac real,"
                    + " avg_width integer, n_distinct real, most_common_vals text[], most_common_freqs real[],"
                    + " histogram_bounds text[], correlation real, most_common_elems text[],"
                    + " most_common_elem_freqs real[], elem_count_histogram real[]")),
            Map.entry("pg_catalog.pg_stat_user_tables", new Definition(12161, true,
                    "relid oid, schemaname name, relname name, seq_scan bigint, seq_tup_read bigint,"
                    + " idx_scan bigint, idx_tup_fetch bigint, n_tup_ins bigint, n_tup_upd bigint,"
                    + " n_tup_del bigint, n_tup_hot_upd bigint, n_live_tup bigint, n_dead_tup bigint,"
                    + " n_mod_since_analyze bigint, n_ins_since_vacuum bigint,"
                    + " last_vacuum timestamp with time zone, last_autovacuum timestamp with time zone,"
                    + " last_analyze timestamp with time zone, last_autoanalyze timestamp with time zone,"
                    + " vacuum_count bigint, autovacuum_count bigint, analyze_count bigint,"
                    + " autoanalyze_count bigint")),
            Map.entry("pg_catalog.pg_statistic_ext", new Definition(3381, false,
                    "oid oid, stxrelid oid, stxname name, stxnamespace oid, stxowner oid, stxstattarget integer,"
                    + " stxkeys int2vector, stxkind \"char\"[], stxexprs pg_node_tree")),
            Map.entry("pg_catalog.pg_tables", new Definition(12033, true,
                    "schemaname name, tablename name, tableowner name, tablespace name, hasindexes boolean,"
                    + " hasrules boolean, hastriggers boolean, rowsecurity boolean")),
            Map.entry("pg_catalog.pg_tablespace", new Definition(1213, false,
                    "oid oid, spcname name, spcowner oid, spcacl aclitem[], spcoptions text[]")),
            Map.entry("pg_catalog.pg_trigger", new Definition(2620, false,
                    "oid oid, tgrelid oid, tgparentid oid, tgname name, tgfoid oid, tgtype smallint,"
                    + " tgenabled \"char\", tgisinternal boolean, tgconstrrelid oid, tgconstrindid oid,"
                    + " tgconstraint oid, tgdeferrable boolean, tginitdeferred boolean, tgnargs smallint,"
                    + " tgattr int2vector, tgargs bytea, tgqual pg_node_tree, tgoldtable name, tgnewtable name")),
            Map.entry("pg_catalog.pg_type", new Definition(1247, false,
                    "oid oid, typname name, typnamespace oid, typowner oid, typlen smallint, typbyval boolean,"
                    + " typtype \"char\", typcategory \"char\", typispreferred boolean, typisdefined boolean,"
                    + " typdelim \"char\", typrelid oid, typsubscript regproc, typelem oid, typarray oid,"
                    + " typinput regproc, typoutput regproc, typreceive regproc, typsend regproc,"
                    + " typmodin regproc, typmodout regproc, typanalyze regproc, typalign \"char\","
                    + " typstorage \"char\", typnotnull boolean, typbasetype oid, typtypmod integer,"
                    + " typndims integer, typcollation oid, typdefaultbin pg_node_tree, typdefault text,"
                    + " typacl aclitem[]")),
            Map.entry("pg_catalog.pg_user", new Definition(12014, true,
                    "usename name, usesysid oid, usecreatedb boolean, usesuper boolean, userepl boolean,"
                    + " usebypassrls boolean, passwd text, valuntil timestamp with time zone, useconfig text[]")),
            Map.entry("pg_catalog.pg_views", new Definition(12028, true,
                    "schemaname name, viewname name, viewowner name, definition text")));

    private CatalogColumns() {
    }

    static Definition of(String schema, String name) {
        Definition definition = DEFINITIONS.get(schema + "." + name);
        if (definition == null) {
            throw new IllegalArgumentException("no column list for " + schema + "." + name);
        }
        return definition;
    }
}
