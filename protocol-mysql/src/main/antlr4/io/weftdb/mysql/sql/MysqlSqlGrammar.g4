/*
 * The MySQL SQL dialect: a script of statements separated by semicolons. The rules of each
 * statement family live in their own grammar under src/main/antlr4/imports; MysqlAstBuilder turns
 * the parse tree into WeftDB's IR, or into the MySQL-only commands the listener answers itself.
 */
parser grammar MysqlSqlGrammar;

options { tokenVocab = MysqlSqlLexer; }

import MysqlQueries, MysqlDataChange, MysqlSchemaChange, MysqlUtility, MysqlExpressions, MysqlDataTypes, MysqlNames;

script
    : statement? (SEMICOLON statement?)* EOF
    ;

statement
    : query
    | insertStatement
    | replaceStatement
    | updateStatement
    | deleteStatement
    | createDatabase
    | dropDatabase
    | createTable
    | dropTable
    | createIndex
    | dropIndex
    | createView
    | dropView
    | alterTable
    | renameTable
    | truncateTable
    | transactionStatement
    | setStatement
    | useStatement
    | showStatement
    | describeStatement
    | explainStatement
    | killStatement
    | lockTables
    | loadDataStatement
    | analyzeTable
    ;
