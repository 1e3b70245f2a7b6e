-- Custom SQL migration file, put your code below! --
-- The site search joins the stored vectors of a report's files into one (tsvector || tsvector, as an aggregate).
CREATE AGGREGATE tsvector_agg (tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');
