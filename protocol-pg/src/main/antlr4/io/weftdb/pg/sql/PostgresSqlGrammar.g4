/*
 * The PostgreSQL SQL dialect: a script of statements separated by semicolons. The rules of each
 * statement family live in their own grammar under src/main/antlr4/imports; AstBuilder turns the
 * parse tree into WeftDB's IR.
 */
parser grammar PostgresSqlGrammar;

options { tokenVocab = PostgresSqlLexer; }

import QueryStatements, DataChangeStatements, SchemaChangeStatements, TransactionStatements,
       SessionStatements, UtilityStatements, Expressions, DataTypes, Names;

script
    : statement? (SEMICOLON statement?)* EOF
    ;

statement
    : query
    | insertStatement
    | updateStatement
    | deleteStatement
    | createDatabase
    | dropDatabase
    | createSchema
    | dropSchema
    | createTable
    | createTableAs
    | dropRelation
    | createIndex
    | dropIndex
    | createSequence
    | createView
    | alterTable
    | truncate
    | analyze
    | vacuum
    | comment
    | transactionStatement
    | setStatement
    | showStatement
    | resetStatement
    | copyStatement
    | explainStatement
    ;
