package io.weftdb.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementBufferTest {

    private static StatementBuffer bufferOf(String... lines) {
        StatementBuffer buffer = new StatementBuffer();
        for (String line : lines) {
            buffer.appendLine(line);
        }
        return buffer;
    }

    @Test
    void completeWhenTheLastTokenIsASemicolon() {
        assertThat(bufferOf("select 1;").isComplete()).isTrue();
        assertThat(bufferOf("select 1").isComplete()).isFalse();
        assertThat(bufferOf("select 1", ";").isComplete()).isTrue();
        assertThat(bufferOf("select 1; select 2").isComplete()).isFalse();
        assertThat(bufferOf("select 1; select 2;   ").isComplete()).isTrue();
    }

    @Test
    void trailingCommentsDoNotHideTheSemicolon() {
        assertThat(bufferOf("select 1; -- done").isComplete()).isTrue();
        assertThat(bufferOf("select 1; /* done */").isComplete()).isTrue();
        assertThat(bufferOf("select 1 -- not yet;").isComplete()).isFalse();
    }

    @Test
    void semicolonsInsideQuotesDoNotEndTheStatement() {
        assertThat(bufferOf("select 'a;").isComplete()).isFalse();
        assertThat(bufferOf("select 'a;", "b';").isComplete()).isTrue();
        assertThat(bufferOf("select 'it''s;'").isComplete()).isFalse();
        assertThat(bufferOf("select \"a;\"\"b;\" from t").isComplete()).isFalse();
        assertThat(bufferOf("select \"a;\"\"b;\" from t;").isComplete()).isTrue();
    }

    @Test
    void backslashEscapesOnlyInEscapeStrings() {
        assertThat(bufferOf("select E'a\\';").isComplete()).isFalse();
        assertThat(bufferOf("select E'a\\'';").isComplete()).isTrue();
        assertThat(bufferOf("select 'a\\';").isComplete()).isTrue();
        assertThat(bufferOf("select e'\\\\';").isComplete()).isTrue();
        // "le" ends an identifier here, so the quote starts an ordinary string
        assertThat(bufferOf("select table'x\\';").isComplete()).isTrue();
    }

    @Test
    void blockCommentsNest() {
        assertThat(bufferOf("select /* a /* b */ ; */ 1").isComplete()).isFalse();
        assertThat(bufferOf("select /* a /* b */ ; */ 1;").isComplete()).isTrue();
        assertThat(bufferOf("select /* a;", "b; */ 1;").isComplete()).isTrue();
    }

    @Test
    void dollarQuotes() {
        assertThat(bufferOf("do $$ begin", "  perform 1;", "end $$").isComplete()).isFalse();
        assertThat(bufferOf("do $$ begin", "  perform 1;", "end $$;").isComplete()).isTrue();
        assertThat(bufferOf("select $body$ $$; $body$;").isComplete()).isTrue();
        assertThat(bufferOf("select $body$ $$; $other$;").isComplete()).isFalse();
    }

    @Test
    void parametersAndIdentifiersWithDollarsAreNotQuotes() {
        assertThat(bufferOf("select $1;").isComplete()).isTrue();
        assertThat(bufferOf("select a$b$ from t;").isComplete()).isTrue();
    }

    @Test
    void semicolonsInsideParenthesesDoNotEndTheStatement() {
        assertThat(bufferOf("create rule r as on insert to t do (insert into u values (1);").isComplete()).isFalse();
        assertThat(bufferOf("create rule r as on insert to t do (insert into u values (1); delete from v);")
                .isComplete()).isTrue();
    }

    @Test
    void leadingBlankLinesAndLineCommentsAreDropped() {
        StatementBuffer buffer = bufferOf("", "-- a comment", "   ", "  select 1", "  ;");

        assertThat(buffer.take()).isEqualTo("select 1\n  ;\n");
        assertThat(buffer.isEmpty()).isTrue();
        assertThat(buffer.isComplete()).isFalse();
    }

    @Test
    void onlyCommentsLeaveTheBufferEmpty() {
        assertThat(bufferOf("-- nothing", "").isEmpty()).isTrue();
    }

    @Test
    void takeResetsTheState() {
        StatementBuffer buffer = bufferOf("select 'unterminated");
        buffer.take();

        buffer.appendLine("select 1;");

        assertThat(buffer.isComplete()).isTrue();
    }

    @Test
    void promptMarkerFollowsTheState() {
        assertThat(new StatementBuffer().continuationMarker()).isEqualTo('=');
        assertThat(bufferOf("select").continuationMarker()).isEqualTo('-');
        assertThat(bufferOf("select 'a").continuationMarker()).isEqualTo('\'');
        assertThat(bufferOf("select \"a").continuationMarker()).isEqualTo('"');
        assertThat(bufferOf("select $$a").continuationMarker()).isEqualTo('$');
        assertThat(bufferOf("select /* a").continuationMarker()).isEqualTo('*');
        assertThat(bufferOf("select (1").continuationMarker()).isEqualTo('(');
    }
}
