package dev.querylens.explain;

import java.util.List;

/**
 * Statements an application might have run whose text tries to make EXPLAIN write: the
 * corpus of {@code docs/security.md}. Each refers to the tables {@code victim} (one row)
 * and {@code audit} (empty).
 */
final class HostileStatements {

	/** Refused by every database's reading. */
	static final List<String> REFUSED_EVERYWHERE = List.of(
			"select 1 as x$y$; insert into audit values (1); commit -- $y$", "select 1; drop table victim", "select 1;",
			"select 1 for update; delete from victim", "select '\\'; delete from victim; -- '",
			"select \"a\\\"; delete from victim; -- \"", "select $$a$$; delete from victim; select $$b$$",
			"select 1 -- c\r; delete from victim", "with d as (delete from victim returning *) select * from d",
			"with d as (update victim set id = 2 returning *) select * from d",
			"with d as (insert into audit values (1) returning *) select * from d",
			"select * into newtable from victim", "select 1 into @x", "insert into audit select * from victim",
			"update victim set id = 2", "delete from victim", "drop table victim", "commit", "begin", "end", "rollback",
			"savepoint s", "set transaction read write", "start transaction", "select 1 end", "call drop_victim()",
			"{call drop_victim()}", "select {fn now()}", "select * from victim lock tables",
			"explain analyze delete from victim", "set search_path = x", "select 'unterminated",
			"select 1 /* unterminated", "select \"unterminated", "", "   ", "-- only a comment");

	/** Refused by some databases' reading, and harmless (one SELECT) on the others. */
	static final List<String> REFUSED_SOMEWHERE = List.of("select 1 # 2; commit; delete from victim",
			"select E'\\''; delete from victim; -- '", "select 1 # 2\n; delete from victim",
			"select $y$; delete from victim; $y$ as x", "select 1 /* /* */ ; delete from victim; /* */ */",
			"select 1--1; delete from victim", "select 1 /*! ; drop table victim */",
			"select 1 /*!50000 into outfile '/tmp/querylens-victim' */", "select 'a\\'; delete from victim; -- '",
			"select 1 // c\r\n; delete from victim");

	private HostileStatements() {
	}

}
